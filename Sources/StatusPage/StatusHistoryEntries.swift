import Foundation
public import VarselModel

/// Rewrites the entries of a Statuspage `/history.atom` or `/history.rss` (already parsed by
/// FeedParse) into the shape `StatusPageEntries` gives the same incidents from the JSON API:
/// same id (the incident code from `/incidents/<code>`), same Norwegian text, facts from the
/// newest update's label. So switching a source between feed and API, or reading both, does not
/// make every incident look new or changed.
///
/// Feeds carry less than the API: no impact (no severity), no components, and a maintenance
/// window only when the entry prints a `THIS IS A SCHEDULED EVENT` line. Entries that are not
/// Statuspage-shaped come back unchanged.
public enum StatusHistoryEntries {
    /// The rewritten entries, in feed order, and how many were Statuspage-shaped.
    public static func rewrite(_ entries: [FeedEntry]) -> StatusHistoryRewrite {
        var recognised = 0
        let out = entries.map { entry in
            guard let rewritten = rewrite(entry) else { return entry }
            recognised += 1
            return rewritten
        }
        return StatusHistoryRewrite(entries: out, recognisedCount: recognised)
    }

    /// One entry rewritten, or nil when it is not a Statuspage history entry (no
    /// `/incidents/<code>` link, or text not made of timestamped, labelled updates).
    public static func rewrite(_ entry: FeedEntry) -> FeedEntry? {
        guard let link = entry.link, let code = incidentCode(link: link),
            let reference = entry.updated ?? entry.published,
            let scan = HistoryUpdateScanner(text: entry.contentText, reference: reference),
            let newest = scan.updates.first
        else { return nil }
        let statuses = scan.updates.map { UpdateStatus(word: $0.status) }
        let isMaintenance = scan.window != nil || statuses.contains { $0?.isMaintenanceStatus == true }
        let facts = SourceFacts(
            kind: StatusFacts.kind(
                status: statuses.first ?? nil, isMaintenance: isMaintenance, lastUpdateAt: newest.at,
                windowStart: scan.window?.start),
            status: newest.status, severity: nil, window: scan.window, components: [], lastUpdateAt: newest.at,
            updateCount: scan.updates.count)
        var out = entry
        out.id = code
        out.updated = newest.at ?? entry.updated
        out.summaryText = newest.body
        out.contentText = UpdateText.plain(scan.updates)
        out.contentHTML = UpdateText.html(scan.updates)
        out.facts = facts
        return out
    }

    /// `"https://status.example/incidents/08fk1fzrw8p8?u=1"` -> `"08fk1fzrw8p8"`.
    public static func incidentCode(link: String) -> String? {
        guard let range = link.range(of: "/incidents/") else { return nil }
        let code = link[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        return String(code)
    }
}

/// What `StatusHistoryEntries.rewrite` made of a feed.
public struct StatusHistoryRewrite: Sendable, Hashable {
    /// Every entry, rewritten where Statuspage-shaped, unchanged otherwise, in feed order.
    public var entries: [FeedEntry]
    /// How many entries were Statuspage-shaped.
    public var recognisedCount: Int
    /// Whether the feed looked like a Statuspage history feed at all (any entry recognised).
    public var isStatuspageHistory: Bool { recognisedCount > 0 }

    public init(entries: [FeedEntry], recognisedCount: Int) {
        self.entries = entries
        self.recognisedCount = recognisedCount
    }
}
