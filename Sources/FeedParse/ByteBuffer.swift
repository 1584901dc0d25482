/// A growable byte buffer written through a raw pointer, reused across entries.
///
/// Why not `[UInt8]`: the converters append many short runs per entry, and `Array.append` pays a
/// uniqueness check and a capacity check per call (measured: ~8 % of a parse). A class, so the
/// builders that hold one can append without copy-on-write; never shared between threads (each
/// `FeedParser.parse` call makes its own).
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    var isEmpty: Bool { count == 0 }
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The contents as a `String` (invalid UTF-8 is repaired, never trusted).
    var string: String { String(decoding: bytes, as: UTF8.self) }

    func removeAll() { count = 0 }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(minimum: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ source: UnsafePointer<UInt8>, count n: Int) {
        guard n > 0 else { return }
        if count + n > capacity { grow(minimum: count + n) }
        (base + count).update(from: source, count: n)
        count += n
    }

    func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress else { return }
        append(start, count: source.count)
    }

    @inline(__always)
    func append(_ literal: StaticString) {
        append(literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    /// Lets `body` write up to `maximum` bytes straight after the current end; `body` returns how
    /// many it wrote. For tight loops that would otherwise append byte by byte.
    @inline(__always)
    func appendInPlace(maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + maximum > capacity { grow(minimum: count + maximum) }
        let written = body(base + count)
        precondition(written <= maximum)
        count += written
    }

    private func grow(minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
