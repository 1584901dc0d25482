/// Builds the normalised plain text that change detection hashes, from decoded UTF-8 pieces.
///
/// Rules (deterministic, independent of how the markup was written):
/// - every run of whitespace (ASCII, NBSP, the U+2000 family, U+3000 ...) becomes one space;
/// - zero-width characters (U+200B, U+2060, U+FEFF) and control characters are dropped;
/// - `lineBreak()` / `paragraphBreak()` request "\n" / "\n\n"; several requests in a row
///   collapse to the strongest, and none is written at the start or end;
/// - in single-line mode (titles) every break becomes a space.
/// Works on bytes into a reused buffer: no per-character `String` appends.
struct PlainTextBuilder {
    let bytes = ByteBuffer()
    private var pendingSpace = false
    private var pendingBreak = 0
    private var singleLine = false

    init() {}

    mutating func reset(singleLine: Bool) {
        bytes.removeAll()
        pendingSpace = false
        pendingBreak = 0
        self.singleLine = singleLine
    }

    mutating func space() { pendingSpace = true }
    mutating func lineBreak() { if pendingBreak < 1 { pendingBreak = 1 } }
    mutating func paragraphBreak() { pendingBreak = 2 }

    /// The text so far as a `String` (repairing any invalid UTF-8).
    var string: String { bytes.string }

    /// Writes a pending space or break at `out` unless nothing has been written yet (`empty`);
    /// returns the position after it.
    @inline(__always)
    private static func flush(
        _ out: UnsafeMutablePointer<UInt8>, empty: Bool, space: Bool, breaks: Int, singleLine: Bool
    ) -> UnsafeMutablePointer<UInt8> {
        if empty { return out }
        if breaks > 0 {
            if singleLine {
                out[0] = 0x20
                return out + 1
            }
            out[0] = 0x0A
            if breaks > 1 {
                out[1] = 0x0A
                return out + 2
            }
            return out + 1
        }
        if space {
            out[0] = 0x20
            return out + 1
        }
        return out
    }

    /// Appends decoded text (complete UTF-8 sequences). One pass, writing straight into the
    /// buffer: the output is never longer than the input plus one pending break (2 bytes).
    /// Runs of visible ASCII (with single spaces between words) are copied in a tight inner loop.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        let n = text.count
        var space = pendingSpace
        var breaks = pendingBreak
        let single = singleLine
        let startedEmpty = bytes.isEmpty
        bytes.appendInPlace(maximum: n + 2) { start in
            var out = start
            var empty = startedEmpty
            var i = 0
            while i < n {
                let b = base[i]
                if b > 0x20 && b < 0x7F {
                    if space || breaks > 0 {
                        out = Self.flush(out, empty: empty, space: space, breaks: breaks, singleLine: single)
                        space = false
                        breaks = 0
                    }
                    empty = false
                    out.pointee = b
                    out += 1
                    i += 1
                    // Just wrote a visible byte with nothing pending: a single space before the
                    // next visible byte is written as is, exactly as pending-then-flush would.
                    while i < n {
                        let c = base[i]
                        if c > 0x20 && c < 0x7F {
                            out.pointee = c
                            out += 1
                            i += 1
                        } else if c == 0x20, i + 1 < n, base[i + 1] > 0x20, base[i + 1] < 0x7F {
                            out[0] = 0x20
                            out[1] = base[i + 1]
                            out += 2
                            i += 2
                        } else {
                            break
                        }
                    }
                    continue
                }
                if b < 0x80 {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) { space = true }
                    i += 1
                    continue
                }
                let end = min(i + UTF8Scan.sequenceLength(b), n)
                switch UTF8Scan.classify(base, i, end) {
                case .space:
                    space = true
                case .invisible:
                    break
                case .visible:
                    if space || breaks > 0 {
                        out = Self.flush(out, empty: empty, space: space, breaks: breaks, singleLine: single)
                        space = false
                        breaks = 0
                    }
                    empty = false
                    for k in i..<end {
                        out.pointee = base[k]
                        out += 1
                    }
                }
                i = end
            }
            return out - start
        }
        pendingSpace = space
        pendingBreak = breaks
    }

    /// Appends one decoded character (from an entity reference).
    mutating func append(scalar: UInt32) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4) { buffer in
            let count = UTF8Scan.encode(scalar, into: buffer.baseAddress!)
            append(UnsafeBufferPointer(start: buffer.baseAddress!, count: count))
        }
    }
}

/// Byte-level helpers shared by the text and HTML builders.
enum UTF8Scan {
    enum Kind { case visible, space, invisible }

    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Whitespace and invisible characters among the multi-byte sequence `p[i..<end]`.
    @inline(__always)
    static func classify(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Kind {
        let lead = p[i]
        switch lead {
        case 0xC2:
            if end - i == 2 {
                let c = p[i + 1]
                if c == 0xA0 || c == 0x85 { return .space }  // NBSP, NEL
                if c < 0xA0 { return .invisible }  // C1 controls
            }
        case 0xE2:
            if end - i == 3 {
                let b1 = p[i + 1], b2 = p[i + 2]
                if b1 == 0x80 {
                    if b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return .space }
                    if b2 == 0x8B { return .invisible }  // U+200B zero width space
                } else if b1 == 0x81 {
                    if b2 == 0x9F { return .space }  // U+205F
                    if b2 == 0xA0 { return .invisible }  // U+2060 word joiner
                }
            }
        case 0xE3:
            if end - i == 3, p[i + 1] == 0x80, p[i + 2] == 0x80 { return .space }  // U+3000
        case 0xEF:
            if end - i == 3, p[i + 1] == 0xBB, p[i + 2] == 0xBF { return .invisible }  // U+FEFF
        default:
            break
        }
        return .visible
    }

    /// Encodes a scalar (already validated) as UTF-8; returns the byte count.
    @inline(__always)
    static func encode(_ v: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        if v < 0x80 {
            out[0] = UInt8(v)
            return 1
        } else if v < 0x800 {
            out[0] = UInt8(0xC0 | (v >> 6))
            out[1] = UInt8(0x80 | (v & 0x3F))
            return 2
        } else if v < 0x10000 {
            out[0] = UInt8(0xE0 | (v >> 12))
            out[1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[2] = UInt8(0x80 | (v & 0x3F))
            return 3
        } else {
            out[0] = UInt8(0xF0 | (v >> 18))
            out[1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            out[2] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[3] = UInt8(0x80 | (v & 0x3F))
            return 4
        }
    }
}
