/// A cursor over the bytes of one date, for `FeedDate`.
struct DateScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { index += 1 }
    }

    mutating func skipSpacesAndDashes() {
        while let b = peek, b == 0x20 || b == 0x09 || b == 0x2D { index += 1 }
    }

    /// Up to `max` ASCII digits.
    mutating func digits(max: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index
        while index - start < max, let b = peek, b >= 0x30, b <= 0x39 { index += 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<index])
    }

    mutating func letters() -> UnsafeBufferPointer<UInt8> {
        let start = index
        while let b = peek, Self.isLetter(b) { index += 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<index])
    }

    /// Exactly `count` digits not followed by another digit; restores the position on failure.
    mutating func number(exactly count: Int) -> Int? {
        let start = index
        let run = digits(max: count)
        guard run.count == count, !(peek.map { $0 >= 0x30 && $0 <= 0x39 } ?? false) else {
            index = start
            return nil
        }
        return Self.value(run)
    }

    /// `±hh:mm`, `±hhmm` or `±hh`, as seconds east of UTC.
    mutating func numericOffset() -> Int? {
        guard let sign = peek, sign == 0x2B || sign == 0x2D else { return nil }
        index += 1
        let run = digits(max: 2)
        guard run.count == 2, let hours = Self.value(run), hours < 24 else { return nil }
        var minutes = 0
        _ = take(0x3A)
        let rest = digits(max: 2)
        if rest.count == 2 {
            guard let m = Self.value(rest), m < 60 else { return nil }
            minutes = m
        } else if rest.count == 1 {
            return nil
        }
        let seconds = hours * 3_600 + minutes * 60
        return sign == 0x2D ? -seconds : seconds
    }

    static func value(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for d in digits { value = value * 10 + Int(d - 0x30) }
        return value
    }

    static func isLetter(_ b: UInt8) -> Bool { b | 0x20 >= 0x61 && b | 0x20 <= 0x7A }
}
