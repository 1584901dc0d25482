/// The words the rules care about (alias words, exact phrase words, date words), each with a
/// small integer id, looked up either by lower-cased UTF-8 bytes (fast path) or by `String`.
///
/// Why two lookups: the byte table (FNV-1a, open addressing) finds a word without building a
/// `String`; the `String` dictionary serves texts the byte tokeniser declines, and has exactly
/// `String ==` semantics (canonical equivalence), like the original word comparisons.
/// `plainOnly` is false when some word is not plain lower-case letters and digits from
/// `KnownScalar`'s list: then byte equality could differ from `String` equality, and callers must
/// use the `String` lookup for every text.
struct Vocabulary: Sendable {
    private var slots: [Int32]
    private var slotHashes: [UInt32]
    private var starts: [Int]
    private var lengths: [Int]
    private var pool: [UInt8] = []
    private var byString: [String: Int32] = [:]
    private(set) var plainOnly = true

    var count: Int { starts.count }

    init() {
        slots = [Int32](repeating: -1, count: 64)
        slotHashes = [UInt32](repeating: 0, count: 64)
        starts = []
        lengths = []
    }

    /// The id of `word`, adding it if new.
    @discardableResult
    mutating func intern(_ word: String) -> Int32 {
        if let id = byString[word] { return id }
        let id = Int32(starts.count)
        byString[word] = id
        if !KnownScalar.isPlainLowercaseWord(word) { plainOnly = false }
        let bytes = Array(word.utf8)
        starts.append(pool.count)
        lengths.append(bytes.count)
        pool += bytes
        if starts.count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { insert(id, hash: Self.hash(bytes)) }
        return id
    }

    /// The id of `word` by `String` equality, or -1.
    func id(_ word: String) -> Int32 {
        byString[word] ?? -1
    }

    /// The id of the word spelled by `bytes` (already lower-cased), or -1.
    @inline(__always)
    func id(bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            slotHashes.withUnsafeBufferPointer { hashes in
                pool.withUnsafeBufferPointer { pool in
                    var slot = Int(hash) & mask
                    while true {
                        let id = slots[slot]
                        if id < 0 { return -1 }
                        if hashes[slot] == hash, lengths[Int(id)] == bytes.count {
                            let start = starts[Int(id)]
                            var equal = true
                            for offset in 0..<bytes.count where pool[start + offset] != bytes[offset] {
                                equal = false
                                break
                            }
                            if equal { return id }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    @inline(__always)
    static func hash(_ bytes: some Collection<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    private mutating func insert(_ id: Int32, hash: UInt32) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
        slotHashes[slot] = hash
    }

    private mutating func rehash(capacity: Int) {
        slots = [Int32](repeating: -1, count: capacity)
        slotHashes = [UInt32](repeating: 0, count: capacity)
        for id in starts.indices {
            insert(Int32(id), hash: Self.hash(pool[starts[id]..<starts[id] + lengths[id]]))
        }
    }
}
