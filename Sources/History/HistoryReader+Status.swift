public import Foundation
public import NoticeStore
import VarselConfig
import VarselModel

extension HistoryReader {
    /// What is true now, per catalog API (latest probe results, open incident, newest notice,
    /// next maintenance window not yet ended) and per configured source (its polling state).
    /// A handful of indexed queries, whatever the store holds.
    public func status(now: Date) async throws(StoreError) -> StatusReport {
        let apis = config.catalog.apis
        let ids = apis.map(\.id)
        let probes = try await store.latestProbeResults(apis: ids)
        let open = try await store.incidents(IncidentFilter(openOnly: true))
        let newest = try await store.newestNotices(byAPI: ids)
        let windows = try await store.announcedWindows(endingAfter: now)
        let feeds = try await store.feeds()

        var probesByAPI: [String: [ProbeResult]] = [:]
        for result in probes { probesByAPI[result.api, default: []].append(result) }
        var openByAPI: [String: IncidentRecord] = [:]
        // Newest opened first, so the first seen per API is the one to show.
        for incident in open where openByAPI[incident.api] == nil { openByAPI[incident.api] = incident }
        var nextByAPI: [String: NoticeWindow] = [:]
        for announced in windows where Self.hasNotEnded(announced.window, at: now) {
            for api in announced.apis {
                if let known = nextByAPI[api], known.window.start <= announced.window.start { continue }
                nextByAPI[api] = announced
            }
        }
        let apiStatuses = apis.map { api in
            APIStatus(
                id: api.id, name: api.name, probes: probesByAPI[api.id] ?? [], openIncident: openByAPI[api.id],
                newestNotice: newest[api.id], nextWindow: nextByAPI[api.id]?.window, nextWindowNotice: nextByAPI[api.id]?.notice)
        }
        let stateByFeed = Dictionary(feeds.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sources = config.feeds.map { feed in
            let state = stateByFeed[feed.id]
            return SourceStatus(feed: feed.id, name: state?.title ?? feed.id.rawValue, url: feed.url, state: state)
        }
        return StatusReport(generatedAt: now, apis: apiStatuses, sources: sources)
    }

    /// A window without an end is taken to have ended once it starts: we do not guess how long
    /// an announced downtime lasts (as `MaintenanceWindow.contains`).
    static func hasNotEnded(_ window: MaintenanceWindow, at now: Date) -> Bool {
        (window.end ?? window.start) > now
    }
}
