/// RFC 3986 percent-encoding for one path segment or query value: every byte of the UTF-8 form
/// outside the unreserved set (`A–Z a–z 0–9 - . _ ~`) becomes `%XX`. Written over bytes because
/// Foundation's `addingPercentEncoding` goes through CFString and was a third of the status
/// page's time (one notice link per API).
enum PercentEncoding {
    static func unreserved(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.allSatisfy(isUnreserved) { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 3)
            for byte in bytes {
                if isUnreserved(byte) {
                    out.append(byte)
                } else {
                    out.append(UInt8(ascii: "%"))
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0x0F)])
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
