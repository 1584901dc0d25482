import CLibXML2

/// Decodes HTML character references (`&amp;`, `&#70;`, `&#x6c;`, `&nbsp;` ...).
///
/// Named references need their `;` and are looked up in libxml2's HTML 4 table (`htmlEntityLookup`),
/// with a fast path for the common ones; an unknown name stays literal text. Numeric references
/// follow HTML: `;` optional, 0 / surrogates / > U+10FFFF become U+FFFD, and 0x80–0x9F are read as
/// windows-1252 (so `&#150;` is an en dash).
enum HTMLEntities {
    /// Tries to decode a reference starting at `p[i]` (which is `&`). Returns the scalar and the
    /// index after the reference, or nil when the `&` is just text.
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (scalar: UInt32, next: Int)? {
        var j = i + 1
        guard j < n else { return nil }
        if p[j] == 0x23 {  // '#'
            j += 1
            var value: UInt32 = 0
            var digits = 0
            if j < n, p[j] | 0x20 == 0x78 {  // 'x'
                j += 1
                while j < n, let d = hexValue(p[j]) {
                    if value <= 0x10FFFF { value = value &* 16 &+ d }
                    j += 1
                    digits += 1
                }
            } else {
                while j < n, p[j] >= 0x30, p[j] <= 0x39 {
                    if value <= 0x10FFFF { value = value &* 10 &+ UInt32(p[j] - 0x30) }
                    j += 1
                    digits += 1
                }
            }
            guard digits > 0 else { return nil }
            if j < n, p[j] == 0x3B { j += 1 }
            return (sanitize(value), j)
        }
        let nameStart = j
        while j < n, j - nameStart < 32, isAlphanumeric(p[j]) { j += 1 }
        guard j < n, p[j] == 0x3B, j > nameStart else { return nil }
        let name = UnsafeBufferPointer(start: p + nameStart, count: j - nameStart)
        guard let scalar = lookup(name) else { return nil }
        return (scalar, j + 1)
    }

    private static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        switch name.count {
        case 2:
            if name[0] == 0x6C, name[1] == 0x74 { return 0x3C }  // lt
            if name[0] == 0x67, name[1] == 0x74 { return 0x3E }  // gt
        case 3:
            if name[0] == 0x61, name[1] == 0x6D, name[2] == 0x70 { return 0x26 }  // amp
        case 4:
            if name.elementsEqual("quot".utf8) { return 0x22 }
            if name.elementsEqual("nbsp".utf8) { return 0xA0 }
            if name.elementsEqual("apos".utf8) { return 0x27 }
        default:
            break
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: name.count + 1) { buffer in
            _ = buffer.initialize(from: name)
            buffer[name.count] = 0
            guard let entity = htmlEntityLookup(buffer.baseAddress) else { return nil }
            return sanitize(entity.pointee.value)
        }
    }

    private static func sanitize(_ value: UInt32) -> UInt32 {
        if value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return 0xFFFD }
        if value >= 0x80 && value <= 0x9F { return windows1252[Int(value - 0x80)] }
        return value
    }

    /// HTML's reading of C1 code points in numeric references (0x80 ... 0x9F).
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    @inline(__always)
    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        default: nil
        }
    }

    @inline(__always)
    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }
}
