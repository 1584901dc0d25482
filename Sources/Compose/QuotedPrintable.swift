/// Quoted-printable (RFC 2045 §6.7) for the text and HTML parts: 7-bit safe, lines of at most
/// 76 characters, CRLF line ends, so no relay re-encodes or breaks the Norwegian letters.
///
/// Line breaks in the text (LF, CRLF or CR) become CRLF hard breaks; long lines get soft
/// breaks ("=" at the end of a line). A line beginning with "." or "From " has its first
/// character encoded: the SMTP client dot-stuffs anyway, but then no transport or mbox on the
/// way can misread such a line.
enum QuotedPrintable {
    private static let hex = Array("0123456789ABCDEF".utf8)
    private static let maxLine = 76

    static func encode(_ text: String, into out: inout [UInt8]) {
        var lineStart = true
        var column = 0
        var pending: [UInt8] = []
        pending.reserveCapacity(3)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                out.append(0x0D)
                out.append(0x0A)
                if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                lineStart = true
                column = 0
                continue
            }
            let nextIsEnd = i + 1 == bytes.count || bytes[i + 1] == 0x0A || bytes[i + 1] == 0x0D
            pending.removeAll(keepingCapacity: true)
            if mustEncode(byte, atLineEnd: nextIsEnd, lineStart: lineStart, bytes: bytes, at: i) {
                pending.append(UInt8(ascii: "="))
                pending.append(hex[Int(byte >> 4)])
                pending.append(hex[Int(byte & 0x0F)])
            } else {
                pending.append(byte)
            }
            // Leave room for the soft break's "=" unless this is the line's last character.
            let limit = nextIsEnd ? maxLine : maxLine - 1
            if column + pending.count > limit {
                out.append(UInt8(ascii: "="))
                out.append(0x0D)
                out.append(0x0A)
                column = 0
            }
            out.append(contentsOf: pending)
            column += pending.count
            lineStart = false
            i += 1
        }
    }

    private static func mustEncode(_ byte: UInt8, atLineEnd: Bool, lineStart: Bool, bytes: [UInt8], at i: Int) -> Bool {
        if byte == UInt8(ascii: "=") || byte > 126 { return true }
        if byte == 0x20 || byte == 0x09 { return atLineEnd }
        if byte < 0x20 { return true }
        if lineStart {
            if byte == UInt8(ascii: ".") { return true }
            if byte == UInt8(ascii: "F"), i + 4 < bytes.count, bytes[i + 1] == UInt8(ascii: "r"),
                bytes[i + 2] == UInt8(ascii: "o"), bytes[i + 3] == UInt8(ascii: "m"), bytes[i + 4] == 0x20
            {
                return true
            }
        }
        return false
    }
}
