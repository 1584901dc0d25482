/// Quoted-printable (RFC 2045 §6.7) for the text and HTML parts: 7-bit safe, lines of at most
/// 76 characters, CRLF line ends, so no relay re-encodes or breaks the Norwegian letters.
///
/// Line breaks in the text (LF, CRLF or CR) become CRLF hard breaks; long lines get soft
/// breaks ("=" at the end of a line). A line beginning with "." or "From " has its first
/// character encoded: the SMTP client dot-stuffs anyway, but then no transport or mbox on the
/// way can misread such a line. Runs over the UTF-8 bytes once, writing into one buffer sized
/// for the worst case (every byte encoded), because a mail body is most of a message's bytes.
enum QuotedPrintable {
    private static let maxLine = 76

    static func encode(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Worst case: 3 output bytes per input byte, plus a 3-byte soft break per 25 of those.
            let capacity = bytes.count * 4 + 8
            let encoded = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = encode(bytes, into: buffer)
            }
            out.append(contentsOf: encoded)
        }
    }

    private static func encode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var o = 0
        var column = 0
        var lineStart = true
        var i = 0
        let n = input.count
        while i < n {
            let byte = input[i]
            if byte == 0x0A || byte == 0x0D {
                output[o] = 0x0D
                output[o + 1] = 0x0A
                o += 2
                if byte == 0x0D, i + 1 < n, input[i + 1] == 0x0A { i += 1 }
                i += 1
                lineStart = true
                column = 0
                continue
            }
            let atLineEnd = i + 1 == n || input[i + 1] == 0x0A || input[i + 1] == 0x0D
            let escape = mustEncode(byte, atLineEnd: atLineEnd, lineStart: lineStart, input: input, at: i)
            let width = escape ? 3 : 1
            // Leave room for the soft break's "=" unless this is the line's last character.
            if column + width > (atLineEnd ? maxLine : maxLine - 1) {
                output[o] = UInt8(ascii: "=")
                output[o + 1] = 0x0D
                output[o + 2] = 0x0A
                o += 3
                column = 0
            }
            if escape {
                output[o] = UInt8(ascii: "=")
                output[o + 1] = hexDigit(byte >> 4)
                output[o + 2] = hexDigit(byte & 0x0F)
                o += 3
            } else {
                output[o] = byte
                o += 1
            }
            column += width
            lineStart = false
            i += 1
        }
        return o
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x37 + value
    }

    @inline(__always)
    private static func mustEncode(
        _ byte: UInt8, atLineEnd: Bool, lineStart: Bool, input: UnsafeBufferPointer<UInt8>, at i: Int
    ) -> Bool {
        if byte == UInt8(ascii: "=") || byte > 126 { return true }
        if byte == 0x20 || byte == 0x09 { return atLineEnd }
        if byte < 0x20 { return true }
        if lineStart {
            if byte == UInt8(ascii: ".") { return true }
            if byte == UInt8(ascii: "F"), i + 4 < input.count, input[i + 1] == UInt8(ascii: "r"),
                input[i + 2] == UInt8(ascii: "o"), input[i + 3] == UInt8(ascii: "m"), input[i + 4] == 0x20
            {
                return true
            }
        }
        return false
    }
}
