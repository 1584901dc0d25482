import Foundation

/// The `page` object every Statuspage API v2 document starts with (`summary.json`,
/// `status.json`, `incidents.json`, ...): what tells a status page's API apart from other JSON.
struct StatuspagePage: Sendable, Hashable, Decodable {
    var id: String
    var name: String?
    var url: String?

    private struct Document: Decodable {
        var page: StatuspagePage
    }

    /// The page, if `bytes` are a JSON object with a `page` object holding a non-empty `id` and a
    /// `url` or `name`; nil for anything else (HTML, a feed, other JSON).
    static func read(_ bytes: [UInt8]) -> StatuspagePage? {
        guard
            let first = bytes.first(where: {
                $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
            }),
            first == UInt8(ascii: "{"),
            let page = try? JSONDecoder().decode(Document.self, from: Data(bytes)).page,
            !page.id.isEmpty, page.url != nil || page.name != nil
        else { return nil }
        return page
    }

    /// `Statuspage API: page "GitHub" (id kctbh9vrtdwd)`, the page's own words made display-safe.
    var outcome: String {
        let label = (name ?? url ?? "").displaySafe(limit: 60)
        return "Statuspage API: page \"\(label)\" (id \(id.displaySafe(limit: 40)))"
    }
}
