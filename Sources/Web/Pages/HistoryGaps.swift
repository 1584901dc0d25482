import Foundation
import History
import NoticeStore
import VarselConfig
import VarselModel

// MARK: - Interim adapter: swap at merge
//
// Everything in this file stands in for calls the History helper is adding in parallel:
// `HistoryReader.status(now:)`, `HistoryReader.timeline(from:to:)` and `OperatorActions`
// (`sendAgain(delivery:by:)`, `addSilence`, `expireSilence`) through `history.operatorActions`.
// It computes the same `Reports.swift` types from what HistoryReader and NoticeStore offer today.
// At merge: replace each method body with the real call (or delete this type and call the
// reader directly from the pages and the API); the pages and the API only use these five methods.

/// The answers the web needs that HistoryReader does not give yet (see the note above).
struct HistoryGaps: Sendable {
    let history: HistoryReader
    let store: NoticeStore

    /// GAP: becomes `history.status(now:)`.
    func status(now: Date) async throws(StoreError) -> StatusReport {
        let probes = try await store.latestProbeResults()
        let open = try await store.incidents(IncidentFilter(openOnly: true))
        let recent = try await history.notices(NoticeQuery(limit: PageSize.maximum)).items
        var apis: [APIStatus] = []
        for api in history.config.catalog.apis {
            var status = APIStatus(id: api.id, name: api.name)
            status.probes = probes.filter { $0.api == api.id }.sorted { $0.environment.rawValue < $1.environment.rawValue }
            status.openIncident = open.first { $0.api == api.id }
            status.newestNotice = recent.first { $0.classification.apis.contains(api.id) }
            let upcoming = try await store.maintenanceWindows(api: api.id)
                .filter { ($0.window.end ?? $0.window.start) > now }
                .min { $0.window.start < $1.window.start }
            status.nextWindow = upcoming?.window
            status.nextWindowNotice = upcoming?.notice
            apis.append(status)
        }
        let states = Dictionary(try await store.feeds().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sources = history.config.feeds.map {
            SourceStatus(feed: $0.id, name: $0.id.rawValue, url: $0.url, state: states[$0.id])
        }
        return StatusReport(generatedAt: now, apis: apis, sources: sources)
    }

    /// GAP: becomes `history.timeline(from:to:)`. Oldest first.
    func timeline(from: Date, to: Date) async throws(StoreError) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        for change in try await store.changes(ChangeFilter(since: from)) where change.at < to && change.change != .baseline {
            events.append(
                TimelineEvent(
                    at: change.at, kind: .notice, summary: "\(Labels.change(change.change)): \(change.title)",
                    noticeID: change.noticeID))
        }
        for incident in try await store.incidents(IncidentFilter(since: from)) {
            let what = "\(incident.api) (\(Labels.probeEnvironment(incident.environment).lowercased()))"
            if incident.openedAt >= from, incident.openedAt < to {
                events.append(
                    TimelineEvent(
                        at: incident.openedAt, kind: .incidentOpened, summary: "Hendelse åpnet: \(what), \(Labels.cause(incident.cause))",
                        noticeID: incident.noticeID, incidentID: incident.id))
            }
            if let resolved = incident.resolvedAt, resolved >= from, resolved < to {
                events.append(
                    TimelineEvent(
                        at: resolved, kind: .incidentResolved, summary: "Hendelse løst: \(what)", noticeID: incident.noticeID,
                        incidentID: incident.id))
            }
        }
        for notice in try await store.notices() {
            for window in notice.classification.maintenanceWindows {
                if window.start >= from, window.start < to {
                    events.append(
                        TimelineEvent(
                            at: window.start, kind: .maintenanceStarts, summary: "Vedlikehold starter: \(notice.entry.title)",
                            noticeID: notice.id))
                }
                if let end = window.end, end >= from, end < to {
                    events.append(
                        TimelineEvent(
                            at: end, kind: .maintenanceEnds, summary: "Vedlikehold slutter: \(notice.entry.title)", noticeID: notice.id))
                }
            }
        }
        for delivery in try await store.deliveries(DeliveryFilter(since: from)) where delivery.createdAt < to {
            let at = delivery.sentAt ?? delivery.lastAttemptAt ?? delivery.createdAt
            let who = "\(delivery.planned.subscriberName) (\(Labels.channel(delivery.planned.channel).lowercased()))"
            events.append(
                TimelineEvent(
                    at: at, kind: .delivery, summary: "\(Labels.delivery(delivery.status)): \(who)",
                    noticeID: delivery.planned.noticeID, deliveryID: delivery.id))
        }
        return events.sorted { ($0.at, $0.kind.rawValue) < ($1.at, $1.kind.rawValue) }
    }

    /// GAP: becomes `history.operatorActions.sendAgain(delivery:by:)`. NoticeStore has no public
    /// way to revive a dead row yet (`recordAttempts` leaves dead rows alone, on purpose), so
    /// until the merge this refuses, and the page says so.
    func sendAgain(delivery: Int64, by user: String) async throws -> Void {
        throw OperatorActionUnavailable(action: "send again")
    }

    /// GAP: becomes `history.operatorActions.addSilence(...)`, which also records who.
    func addSilence(api: String, start: Date, end: Date, reason: String, by user: String) async throws -> Silence {
        try await store.addSilence(api: api, start: start, end: end, reason: reason)
    }

    /// GAP: becomes `history.operatorActions.expireSilence(id:by:)`, which also records who.
    /// Returns false when there is no such active silence.
    func expireSilence(id: Int64, by user: String) async throws -> Bool {
        try await store.removeSilence(id: id)
    }
}

/// An operator action this build cannot carry out yet (see `HistoryGaps`).
struct OperatorActionUnavailable: Error, CustomStringConvertible {
    var action: String
    var description: String { "web: \(action) is not available in this build" }
}
