import Foundation
import StatusPage
import VarselModel

/// Joins a status page's two documents into the one entry list the differ works on.
enum StatusPageAdapter {
    /// What the Statuspage API lists per document at most: its 50 newest incidents or maintenances.
    static let documentLimit = 50

    struct Page: Sendable {
        var title: String?
        var entries: [FeedEntry]
        var skipped: [SkippedEntry]
        /// Where the page's window begins (see `page`), nil when no document is full.
        var windowStart: Date?
    }

    /// Decodes both documents and merges their entries.
    ///
    /// Each document is a window of its own (the 50 newest incidents, the 50 newest maintenances),
    /// and the differ calls a notice withdrawn only when it is missing while newer than the oldest
    /// entry still present. Merged as they are, a long list of old maintenances would make an
    /// incident that merely fell off a full incidents list look withdrawn. So when a document is
    /// full, its oldest entry is where the page's window begins (`windowStart`): anything missing
    /// and older has left the window (expired, never alerted), as it has. Every entry is still
    /// passed on: an old announcement of a maintenance still ahead must not be dropped.
    static func page(
        incidents: [UInt8], incidentsURL: String, maintenances: [UInt8], maintenancesURL: String, base: String
    ) throws(StatusPageError) -> Page {
        let decoder = StatusPageDecoder()
        let incidentDocument = try decoder.decode(Data(incidents), endpoint: .incidents, source: incidentsURL)
        let maintenanceDocument = try decoder.decode(
            Data(maintenances), endpoint: .scheduledMaintenances, source: maintenancesURL)
        let pageURL = trustedPageURL(incidentDocument.page?.url, base: base)
        let lists = [incidentDocument.incidents, maintenanceDocument.scheduledMaintenances]
        var horizon: Date?
        for list in lists where list.count >= documentLimit {
            if let oldest = list.compactMap(\.createdAt).min() { horizon = max(horizon ?? oldest, oldest) }
        }
        return Page(
            title: incidentDocument.page?.name ?? maintenanceDocument.page?.name,
            entries: StatusPageEntries.entries(Array(lists.joined()), pageURL: pageURL),
            skipped: incidentDocument.skipped + maintenanceDocument.skipped, windowStart: horizon)
    }

    /// A status page's `/history.atom` or `/history.rss` entries as the JSON would give them
    /// (incident code as id, facts from the newest update's label); other feeds unchanged.
    static func historyEntries(_ entries: [FeedEntry]) -> [FeedEntry] {
        StatusHistoryEntries.rewrite(entries).entries
    }

    /// Links in alerts point at the page's own URL only when it is http(s): the document is
    /// untrusted, and a `javascript:` or `data:` URL must never reach an e-mail. Else the
    /// configured base URL, which the operator wrote.
    static func trustedPageURL(_ stated: String?, base: String) -> String {
        guard let stated, let scheme = stated.split(separator: ":", maxSplits: 1).first?.lowercased(),
            scheme == "https" || scheme == "http", !stated.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" })
        else { return base }
        return stated
    }
}
