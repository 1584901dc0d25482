import Classify
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
    /// Compiled once from `config`'s catalog and lexicon, for `notice`'s explanation.
    let classifier: Classifier

    public init(store: NoticeStore, config: VarselvaktConfig) {
        self.store = store
        self.config = config
        classifier = Classifier(catalog: config.catalog, lexicon: config.lexicon)
    }

    /// Notices matching `query`, newest published first (undated ones by first sight).
    /// - Throws: `StoreError.invalidCursor` for a `before` this list did not hand out.
    public func notices(_ query: NoticeQuery) async throws(StoreError) -> Page<NoticeRecord> {
        var search = query
        search.limit = PageSize.clamp(query.limit)
        let page = try await store.noticePage(search)
        return Page(items: page.items, next: page.next)
    }

    /// One notice (by id or any alias its feed has given it) with everything KS support asks about it.
    public func notice(_ idOrAlias: String) async throws(StoreError) -> NoticeReport {
        let detail = try await store.notice(idOrAlias)
        var routing: [RoutingNote] = []
        for change in detail.changes where change.change.isAlerting {
            if let note = try await store.routingNote(change: change.id) {
                routing.append(RoutingNote(change: change, note: note))
            }
        }
        let deliveries = try await store.deliveries(DeliveryFilter(notice: detail.notice.id.rawValue))
        let incidents = try await store.incidents(IncidentFilter(notice: detail.notice.id))
        let actions = try await store.operatorActions(notice: detail.notice.id)
        return NoticeReport(
            detail: detail, explanation: config.explain(detail.notice, with: classifier), routing: routing, deliveries: deliveries,
            incidents: incidents, actions: actions)
    }

    /// Recorded changes, newest first (`varselvakt history`, `GET /api/v1/history`).
    public func changes(_ filter: ChangeFilter) async throws(StoreError) -> [ChangeRecord] {
        try await store.changes(filter)
    }

    /// Deliveries matching `query`, newest first.
    public func deliveries(_ query: DeliveryQuery) async throws(StoreError) -> Page<DeliveryRecord> {
        var search = query
        search.limit = PageSize.clamp(query.limit)
        let page = try await store.deliveryPage(search)
        return Page(items: page.items, next: page.next)
    }

    /// Probe incidents matching `query`, newest opened first.
    public func incidents(_ query: IncidentQuery) async throws(StoreError) -> Page<IncidentRecord> {
        var search = query
        search.limit = PageSize.clamp(query.limit)
        let page = try await store.incidentPage(search)
        return Page(items: page.items, next: page.next)
    }

    /// Every configured subscriber with its newest delivery (one query, whatever the outbox holds).
    public func subscribers() async throws(StoreError) -> [SubscriberSummary] {
        let latest = try await store.latestDeliveries(subscribers: config.subscribers.map(\.id))
        return config.subscribers.map { SubscriberSummary(subscriber: $0, lastDelivery: latest[$0.id]) }
    }

    /// Operator actions (send again, silences), newest first: all, or those from `from` on.
    public func operatorActions(from: Date? = nil, limit: Int? = nil) async throws(StoreError) -> [OperatorActionRecord] {
        try await store.operatorActions(from: from, limit: limit)
    }

    /// Silences, newest first; with `activeAt`, only those not yet ended then.
    public func silences(activeAt: Date? = nil) async throws(StoreError) -> [Silence] {
        try await store.silences(activeAfter: activeAt)
    }
}
