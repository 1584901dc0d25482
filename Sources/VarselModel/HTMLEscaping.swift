/// HTML-escapes text for element content and quoted attribute values: the five characters
/// Mustache escapes, escaped the same way, so text escaped here and text a template escaped
/// read alike. One definition for every module that writes HTML by hand, and the escaper of the
/// web pages' templates (Web registers it as their content type).
///
/// Works on UTF-8 bytes: the five are ASCII, so a byte equal to one of them is that character
/// (UTF-8 never uses ASCII bytes inside a longer sequence). That also escapes a "<" followed by a
/// combining mark, which a Character-by-Character escaper sees as one other character and lets
/// through. Text without any of the five is returned as it is, without a copy.
public func htmlEscaped(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.firstIndex(where: isHTMLSpecial) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count + 16)
    out.append(contentsOf: utf8[utf8.startIndex..<first])
    for byte in utf8[first...] {
        switch byte {
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
        default: out.append(byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
}

private func isHTMLSpecial(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
        || byte == UInt8(ascii: "'")
}
