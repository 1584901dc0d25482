public import Foundation
public import VarselModel

/// Which notices to list (the notices page, `GET /api/v1/notices`, `varselvakt notices`).
public struct NoticeQuery: Sendable, Hashable {
    /// Catalog id of an API the notice concerns.
    public var api: String?
    public var kind: NoticeKind?
    public var environment: NoticeEnvironment?
    public var status: NoticeStatus?
    public var feed: FeedID?
    /// Published (or first seen, when undated) at or after `from` and before `to`.
    public var from: Date?
    public var to: Date?
    /// Free text, matched by SQLite FTS5 over title and text (words, prefix `word*`, "a phrase").
    public var text: String?
    /// A `Page.next` cursor from the previous page.
    public var before: String?
    public var limit: Int?

    public init(
        api: String? = nil, kind: NoticeKind? = nil, environment: NoticeEnvironment? = nil, status: NoticeStatus? = nil,
        feed: FeedID? = nil, from: Date? = nil, to: Date? = nil, text: String? = nil, before: String? = nil, limit: Int? = nil
    ) {
        self.api = api
        self.kind = kind
        self.environment = environment
        self.status = status
        self.feed = feed
        self.from = from
        self.to = to
        self.text = text
        self.before = before
        self.limit = limit
    }
}

/// Which deliveries to list (the deliveries page, `GET /api/v1/deliveries`, `varselvakt deliveries`).
public struct DeliveryQuery: Sendable, Hashable {
    /// A notice id or alias.
    public var notice: String?
    public var status: DeliveryStatus?
    public var subscriber: SubscriberID?
    public var channel: DeliveryChannel?
    /// Created at or after `from` and before `to`.
    public var from: Date?
    public var to: Date?
    public var before: String?
    public var limit: Int?

    public init(
        notice: String? = nil, status: DeliveryStatus? = nil, subscriber: SubscriberID? = nil,
        channel: DeliveryChannel? = nil, from: Date? = nil, to: Date? = nil, before: String? = nil, limit: Int? = nil
    ) {
        self.notice = notice
        self.status = status
        self.subscriber = subscriber
        self.channel = channel
        self.from = from
        self.to = to
        self.before = before
        self.limit = limit
    }
}

/// Which probe incidents to list (the incidents page, `GET /api/v1/incidents`, `varselvakt incidents`).
public struct IncidentQuery: Sendable, Hashable {
    public var openOnly: Bool
    public var api: String?
    /// Open at some time in [from, to): not resolved before `from`, opened before `to` (an
    /// outage that began the evening before is one of yesterday's).
    public var from: Date?
    public var to: Date?
    public var before: String?
    public var limit: Int?

    public init(
        openOnly: Bool = false, api: String? = nil, from: Date? = nil, to: Date? = nil, before: String? = nil,
        limit: Int? = nil
    ) {
        self.openOnly = openOnly
        self.api = api
        self.from = from
        self.to = to
        self.before = before
        self.limit = limit
    }
}
