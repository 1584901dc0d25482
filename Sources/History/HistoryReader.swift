public import Foundation
public import NoticeStore
public import VarselConfig
public import VarselModel

/// The one read-only view of what happened, when, and who was told: the CLI, the web pages and
/// the JSON API all ask it, so all three show the same thing.
///
/// It never writes. Operator actions (send a dead delivery again, silences) go to `NoticeStore`
/// through `OperatorActions`, which records who did what.
public struct HistoryReader: Sendable {
    public let store: NoticeStore
    /// For the catalog (API names), feeds (source names and URLs), subscribers and `explain`.
    public let config: VarselvaktConfig

    public init(store: NoticeStore, config: VarselvaktConfig) {
        self.store = store
        self.config = config
    }

    /// Notices matching `query`, newest published first (undated ones by first sight).
    public func notices(_ query: NoticeQuery) async throws(StoreError) -> Page<NoticeRecord> {
        // Interim: filtered in memory, offset cursor. The SQL version (FTS5, keyset cursor) replaces it.
        let all = try await store.notices(NoticeFilter(feed: query.feed, status: query.status, api: query.api))
        let matching = all.filter { query.matches($0) }
        return Page.slice(matching, before: query.before, limit: query.limit)
    }

    /// One notice (by id or any alias its feed has given it) with everything KS support asks about it.
    public func notice(_ idOrAlias: String) async throws(StoreError) -> NoticeReport {
        let detail = try await store.notice(idOrAlias)
        var routing: [RoutingNote] = []
        for change in detail.changes where change.change.isAlerting {
            if let note = try await store.routingNote(change: change.id) { routing.append(RoutingNote(change: change, note: note)) }
        }
        let deliveries = try await store.deliveries(DeliveryFilter(notice: detail.notice.id.rawValue))
        let incidents = try await store.incidents(IncidentFilter(notice: detail.notice.id))
        return NoticeReport(
            detail: detail, explanation: config.explain(detail.notice), routing: routing, deliveries: deliveries,
            incidents: incidents)
    }

    /// Recorded changes, newest first (`varselvakt history`, `GET /api/v1/history`).
    public func changes(_ filter: ChangeFilter) async throws(StoreError) -> [ChangeRecord] {
        try await store.changes(filter)
    }

    /// Deliveries matching `query`, newest first.
    public func deliveries(_ query: DeliveryQuery) async throws(StoreError) -> Page<DeliveryRecord> {
        let all = try await store.deliveries(
            DeliveryFilter(notice: query.notice, status: query.status, subscriber: query.subscriber, channel: query.channel, since: query.from))
        let matching = all.filter { d in query.to.map { d.createdAt < $0 } ?? true }
        return Page.slice(matching, before: query.before, limit: query.limit)
    }

    /// Probe incidents matching `query`, newest opened first.
    public func incidents(_ query: IncidentQuery) async throws(StoreError) -> Page<IncidentRecord> {
        let all = try await store.incidents(IncidentFilter(openOnly: query.openOnly, api: query.api, since: query.from))
        let matching = all.filter { i in query.to.map { i.openedAt < $0 } ?? true }
        return Page.slice(matching, before: query.before, limit: query.limit)
    }

    /// Every configured subscriber with its newest delivery.
    public func subscribers() async throws(StoreError) -> [SubscriberSummary] {
        var latest: [SubscriberID: DeliveryRecord] = [:]
        for d in try await store.deliveries(DeliveryFilter()) where latest[d.planned.subscriberID] == nil {
            latest[d.planned.subscriberID] = d
        }
        return config.subscribers.map { SubscriberSummary(subscriber: $0, lastDelivery: latest[$0.id]) }
    }

    /// Silences, newest first; with `activeAt`, only those not yet ended then.
    public func silences(activeAt: Date? = nil) async throws(StoreError) -> [Silence] {
        try await store.silences(activeAfter: activeAt)
    }
}
