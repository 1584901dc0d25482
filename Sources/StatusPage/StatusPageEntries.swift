import Foundation
public import VarselModel

/// Turns status-page incidents and scheduled maintenances into `FeedEntry`s, one per incident id,
/// so the existing differ stores each new incident update as a new version and alerts "changed".
///
/// - `id` is the incident code; `link` is `<page>/incidents/<code>`, the page Statuspage shows;
/// - `title` is the incident name; `published` its `created_at`; `updated` the newest update's
///   `display_at` (else `updated_at`);
/// - the text lists every update newest first by `display_at` (updates can be back-dated), with
///   a Norwegian label and Oslo time (`UpdateText`); `summaryText` is the newest update's body;
/// - `facts` carry kind, raw status, severity, window, components, last update and count
///   (`StatusFacts` has the rules).
public enum StatusPageEntries {
    /// Entries for all incidents and maintenances in `document`; links use the document's own
    /// `page.url`, else `configuredBaseURL` (webhooks and some mirrors carry no page URL).
    public static func entries(from document: StatusPageDocument, configuredBaseURL: String) -> [FeedEntry] {
        entries(document.incidents + document.scheduledMaintenances, pageURL: document.page?.url ?? configuredBaseURL)
    }

    /// One entry per incident id, in first-seen order. `incidents.json` also lists maintenances,
    /// so the same id can come twice; the copy updated last wins.
    public static func entries(_ incidents: [StatusIncident], pageURL: String) -> [FeedEntry] {
        var order: [String] = []
        var newest: [String: StatusIncident] = [:]
        for incident in incidents {
            if let seen = newest[incident.id] {
                if (incident.updatedAt ?? .distantPast) > (seen.updatedAt ?? .distantPast) { newest[incident.id] = incident }
            } else {
                order.append(incident.id)
                newest[incident.id] = incident
            }
        }
        return order.compactMap { newest[$0] }.map { entry($0, pageURL: pageURL) }
    }

    /// The entry for one incident.
    public static func entry(_ incident: StatusIncident, pageURL: String) -> FeedEntry {
        let updates = StatusFacts.newestFirst(incident.updates)
        let newest = updates.first
        let shown = updates.map {
            ShownUpdate(status: $0.status, at: $0.shownAt, body: UpdateText.normalise($0.body))
        }
        let rawStatus = newest?.status ?? incident.status
        let isMaintenance =
            incident.scheduledFor != nil || incident.impact == "maintenance"
            || UpdateStatus(word: incident.status)?.isMaintenanceStatus == true
            || updates.contains { UpdateStatus(word: $0.status)?.isMaintenanceStatus == true }
        // The incident's own status is its current state; an update's may be older than it looks
        // when updates were back-dated. The newest update's word is the fallback.
        let kindStatus = UpdateStatus(word: incident.status) ?? newest.flatMap { UpdateStatus(word: $0.status) }
        let lastUpdateAt = newest?.shownAt ?? incident.updatedAt
        let facts = SourceFacts(
            kind: StatusFacts.kind(
                status: kindStatus, isMaintenance: isMaintenance, lastUpdateAt: newest?.shownAt,
                windowStart: incident.scheduledFor),
            status: rawStatus, severity: StatusFacts.severity(impact: incident.impact),
            window: incident.scheduledFor.map { MaintenanceWindow(start: $0, end: incident.scheduledUntil) },
            components: StatusFacts.components([incident.components] + updates.map(\.affectedComponents)),
            lastUpdateAt: lastUpdateAt, updateCount: updates.count)
        return FeedEntry(
            id: incident.id, title: incident.name, link: incidentLink(pageURL: pageURL, id: incident.id),
            published: incident.createdAt, updated: lastUpdateAt, summaryText: shown.first?.body ?? "",
            contentText: UpdateText.plain(shown), contentHTML: UpdateText.html(shown), facts: facts)
    }

    /// `https://status.example/incidents/<id>`, whatever trailing slashes the base URL has.
    public static func incidentLink(pageURL: String, id: String) -> String {
        var base = Substring(pageURL)
        while base.hasSuffix("/") { base = base.dropLast() }
        return "\(base)/incidents/\(id)"
    }
}
