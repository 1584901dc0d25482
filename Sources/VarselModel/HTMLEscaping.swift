/// HTML-escapes text for element content and quoted attribute values: the five characters
/// Mustache escapes, escaped the same way, so text escaped here and text a template escaped
/// read alike. One definition for every module that writes HTML by hand.
public func htmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}
