/// The words the rules care about (alias words, exact phrase words, date words), each with a
/// small integer id, looked up either by lower-cased UTF-8 bytes (fast path) or by `String`.
///
/// Why two lookups: the byte table (open addressing) finds a word without building a
/// `String`; the `String` dictionary serves texts the byte tokeniser declines, and has exactly
/// `String ==` semantics (canonical equivalence), like the original word comparisons.
/// `plainOnly` is false when some word is not plain lower-case letters and digits from
/// `KnownScalar`'s list: then byte equality could differ from `String` equality, and callers must
/// use the `String` lookup for every text.
struct Vocabulary: Sendable {
    /// One slot of the open-addressing table; `id < 0` marks an empty slot.
    private struct Slot: Sendable {
        var id: Int32 = -1
        var hash: UInt32 = 0
        var start: Int32 = 0
        var length: Int32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 64)
    private var pool: [UInt8] = []
    private var words: [String] = []
    private var byString: [String: Int32] = [:]
    private(set) var plainOnly = true

    var count: Int { words.count }

    init() {}

    /// The id of `word`, adding it if new.
    @discardableResult
    mutating func intern(_ word: String) -> Int32 {
        if let id = byString[word] { return id }
        let id = Int32(words.count)
        byString[word] = id
        words.append(word)
        if !KnownScalar.isPlainLowercaseWord(word) { plainOnly = false }
        // At most a quarter full: most looked-up words are not in the table and should meet an empty slot at once.
        if words.count * 4 > slots.count {
            slots = [Slot](repeating: Slot(), count: slots.count * 2)
            pool = []
            for (id, word) in words.enumerated() { insert(Int32(id), word) }
        } else {
            insert(id, word)
        }
        return id
    }

    /// The id of `word` by `String` equality, or -1.
    func id(_ word: String) -> Int32 {
        byString[word] ?? -1
    }

    /// The id of the word spelled by `bytes` (already lower-cased) whose `hash(_:)` is `hash`, or -1.
    @inline(__always)
    func id(bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = Int(hash) & mask
            while true {
                let slot = slots[index]
                if slot.id < 0 { return -1 }
                if slot.hash == hash, Int(slot.length) == bytes.count, equal(Int(slot.start), bytes) { return slot.id }
                index = (index + 1) & mask
            }
        }
    }

    /// The id of the word spelled by `bytes` (already lower-cased), or -1.
    func id(bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        id(bytes: bytes, hash: Self.hash(bytes))
    }

    private func equal(_ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        pool.withUnsafeBufferPointer { pool in
            for offset in 0..<bytes.count where pool[start + offset] != bytes[offset] { return false }
            return true
        }
    }

    /// The hash of a word is built from its last eight bytes (`key`, shifted in one byte at a
    /// time: cheap inside a tokeniser's loop) and its length; equal hashes are then compared byte
    /// for byte.
    @inline(__always)
    static func key(_ key: UInt64, _ byte: UInt8) -> UInt64 {
        key &<< 8 | UInt64(byte)
    }

    @inline(__always)
    static func hash(key: UInt64, length: Int) -> UInt32 {
        let mixed = (key ^ UInt64(truncatingIfNeeded: length) &<< 59) &* 0x9E37_79B9_7F4A_7C15
        return UInt32(truncatingIfNeeded: mixed >> 32)
    }

    static func hash(_ bytes: some Collection<UInt8>) -> UInt32 {
        hash(key: bytes.reduce(0, key), length: bytes.count)
    }

    private mutating func insert(_ id: Int32, _ word: String) {
        let bytes = Array(word.utf8)
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var index = Int(hash) & mask
        while slots[index].id >= 0 { index = (index + 1) & mask }
        slots[index] = Slot(id: id, hash: hash, start: Int32(pool.count), length: Int32(bytes.count))
        pool += bytes
    }
}
