/// Checks sanitized HTML the way an attacker's target would read it: parsed by libxml2 (not by
/// the converter that wrote it), every element and attribute compared with the allow-list that
/// `FeedParse.HTMLText` documents, and every URL's scheme read the way browsers read it.
///
/// Deliberately written from the documentation, not from the converter's tables: a tag added to
/// the converter by mistake shows up here as a violation.
public enum SanitizedHTMLAudit {
    /// The documented allow-list, plus the `html` and `body` elements libxml2 wraps a fragment in.
    public static let allowedElements: Set<String> = [
        "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "code", "pre", "blockquote", "div", "hr",
        "a", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody",
        "tfoot", "tr", "th", "td", "caption", "html", "body",
    ]

    /// The only link schemes allowed in `a href`.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Every problem found in `html`, one readable line each (empty when it is clean).
    public static func violations(in html: String) -> [String] {
        var problems: [String] = []
        LibXML2HTML.walk(html) { event in
            guard case .open(let name, let attributes) = event else { return }
            if !allowedElements.contains(name) { problems.append("element <\(name)> is not allow-listed") }
            for (attribute, value) in attributes {
                if name != "a" || (attribute != "href" && attribute != "title") {
                    problems.append("attribute \(attribute)=\"\(value)\" on <\(name)> is not allow-listed")
                }
                let scheme = browserScheme(of: value)
                if scheme == "javascript" || scheme == "data" || scheme == "vbscript" {
                    problems.append("\(scheme ?? ""): URL in \(attribute) on <\(name)>: \(value)")
                }
                if name == "a", attribute == "href", !(scheme.map(allowedSchemes.contains) ?? false) {
                    problems.append("href with a scheme other than http/https/mailto: \(value)")
                }
            }
        }
        return problems
    }

    /// The scheme a browser would see in `value` (lower-cased), or nil for a relative URL:
    /// leading/trailing controls and spaces trimmed, tabs and newlines removed anywhere.
    public static func browserScheme(of value: String) -> String? {
        let cleaned = value.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        let trimmed = String(String.UnicodeScalarView(cleaned)).drop { $0.unicodeScalars.first!.value <= 0x20 }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let scheme = trimmed[..<colon]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }
}
