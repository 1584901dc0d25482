public import Foundation

/// The 2024-08-15 incident in Folkeregisteret's feed, with the two builds between 10:29 and 11:52
/// that are kept apart rebuilt from the 10:29 build: the incident
/// `driftsmelding-driftsproblemer-14.08` was retitled twice, its guid following each title
/// (metalsmith slugs the title), and then deleted (../shared/fixtures/README.md, trap 2).
///
/// Only that one item is rewritten, everything else stays byte-exact. Each rewrite also re-dates
/// it, and the second appends a resolution sentence to its description, so the differ sees a new
/// title, id and date each time and, once, a slightly different body.
public enum RetitledIncident {
    public static let base = "https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/"
    public static let firstTitle = "Driftsmelding - Driftsproblemer 14.08"
    public static let secondTitle = "Driftsmelding - Driftsproblemer 15.08"
    public static let thirdTitle = "Driftsmelding - Driftsproblemer 15.08.2024"
    public static let firstID = base + slug(firstTitle)
    public static let secondID = base + slug(secondTitle)
    public static let thirdID = base + slug(thirdTitle)

    /// The 10:29 build, byte-exact: the incident as first published.
    public static var before: URL { Fixtures.folkeregisteret("2024-08-15-1029") }
    /// The 11:52 build, byte-exact: the incident deleted.
    public static var after: URL { Fixtures.folkeregisteret("2024-08-15-1152") }

    /// The first retitle: new title and guid, re-dated to the next morning, same description.
    public static func firstRetitle() throws -> Data {
        try rewrite(title: secondTitle, pubDate: "Thu, 15 Aug 2024 06:30:00 GMT", appending: nil)
    }

    /// The second retitle, later the same day: new title and guid, re-dated again, and the
    /// description gains the line that says the incident is over.
    public static func secondRetitle() throws -> Data {
        try rewrite(title: thirdTitle, pubDate: "Thu, 15 Aug 2024 09:40:00 GMT", appending: "<p>Feilen er nå løst.</p>\n")
    }

    /// The guid metalsmith derives from a title: lower case, Norwegian letters transliterated,
    /// every run of other characters but letters, digits and dots one hyphen
    /// ("Driftsmelding - Driftsproblemer 14.08" → "driftsmelding-driftsproblemer-14.08").
    public static func slug(_ title: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in title.lowercased() {
            let mapped: String =
                switch character {
                case "æ": "ae"
                case "ø": "o"
                case "å": "a"
                default: String(character)
                }
            if mapped.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." }) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug += mapped
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// The 10:29 build with the incident's item replaced.
    private static func rewrite(title: String, pubDate: String, appending extra: String?) throws -> Data {
        let text = String(decoding: try Data(contentsOf: before), as: UTF8.self)
        let start = "<item><title><![CDATA[\(firstTitle)]]></title>"
        guard let from = text.range(of: start), let to = text.range(of: "</item>", range: from.upperBound..<text.endIndex)
        else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: before.path]) }
        let descriptionStart = "<description><![CDATA["
        guard let d0 = text.range(of: descriptionStart, range: from.upperBound..<to.lowerBound),
            let d1 = text.range(of: "]]></description>", range: d0.upperBound..<to.lowerBound)
        else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: before.path]) }
        let description = String(text[d0.upperBound..<d1.lowerBound]) + (extra ?? "")
        let id = base + slug(title)
        let item =
            "<item><title><![CDATA[\(title)]]></title><description><![CDATA[\(description)]]></description>"
            + "<link>\(id)</link><guid isPermaLink=\"true\">\(id)</guid><pubDate>\(pubDate)</pubDate></item>"
        return Data(text.replacingCharacters(in: from.lowerBound..<to.upperBound, with: item).utf8)
    }
}
