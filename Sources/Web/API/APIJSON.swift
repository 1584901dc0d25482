import Foundation
import History
import NoticeStore
import VarselModel

/// One page of a list: `{"items": [...], "next": "<cursor>" | null}`. Pass `next` back as
/// `before` for the following (older) page; null on the last page.
struct ListJSON<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var next: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(next, forKey: .next)
    }

    enum CodingKeys: String, CodingKey { case items, next }
}

/// What a refused request gets: `{"error": "bad_parameter", "parameter": "limit", "problem": "…"}`.
struct APIErrorJSON: Encodable, Sendable {
    var error: String
    var parameter: String?
    var problem: String

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(error, forKey: .error)
        try c.encode(parameter, forKey: .parameter)
        try c.encode(problem, forKey: .problem)
    }

    enum CodingKeys: String, CodingKey { case error, parameter, problem }
}

/// `GET /api/v1/notices/{id}`: the CLI's `notice ID --json --explain`, plus who was told
/// (`deliveries`), linked probe incidents and the routing note of each alerting change.
struct NoticeReportJSON: Encodable, Sendable {
    struct Routing: Encodable, Sendable {
        var changeId: Int64
        var note: String
        enum CodingKeys: String, CodingKey { case changeId = "change_id", note }
    }

    var notice: NoticeJSON
    var versions: [VersionJSON]
    var changes: [ChangeJSON]
    var classification: ClassificationExplanation
    var routing: [Routing]
    var deliveries: [DeliveryJSON]
    var incidents: [IncidentJSON]
    /// Operator actions on this notice's deliveries ("send again"), newest first: who and when.
    var actions: [OperatorActionJSON]

    init(_ report: NoticeReport) {
        notice = NoticeJSON(report.detail.notice)
        versions = report.detail.versions.map(VersionJSON.init)
        changes = report.detail.changes.map(ChangeJSON.init)
        classification = report.explanation
        routing = report.routing.map { Routing(changeId: $0.change.id, note: $0.note) }
        deliveries = report.deliveries.map { DeliveryJSON(Redaction.delivery($0)) }
        incidents = report.incidents.map(IncidentJSON.init)
        actions = report.actions.map(OperatorActionJSON.init)
    }
}

/// `GET /api/v1/subscribers`: what `subscribers --json` shows (never a secret) and the newest delivery.
struct SubscriberSummaryJSON: Encodable, Sendable {
    var subscriber: SubscriberJSON
    var lastDelivery: DeliveryJSON?

    init(_ s: SubscriberSummary) {
        subscriber = SubscriberJSON(Redaction.subscriber(s.subscriber))
        lastDelivery = s.lastDelivery.map { DeliveryJSON(Redaction.delivery($0)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(subscriber, forKey: .subscriber)
        try c.encode(lastDelivery, forKey: .lastDelivery)
    }

    enum CodingKeys: String, CodingKey { case subscriber, lastDelivery = "last_delivery" }
}

/// `GET /api/v1/silences`.
struct SilenceJSON: Encodable, Sendable {
    var id: Int64
    var api: String
    var start: String
    var end: String
    var reason: String
    var createdAt: String
    /// Whether it covers the time of the request.
    var active: Bool

    init(_ s: Silence, now: Date) {
        id = s.id
        api = s.api
        start = OutputDate.iso(s.start)
        end = OutputDate.iso(s.end)
        reason = s.reason
        createdAt = OutputDate.iso(s.createdAt)
        active = s.covers(now)
    }

    enum CodingKeys: String, CodingKey { case id, api, start, end, reason, createdAt = "created_at", active }
}

/// `GET /api/v1/status`: the status page as data.
struct StatusJSON: Encodable, Sendable {
    struct Window: Encodable, Sendable {
        var start: String
        var end: String?
        var noticeId: String?
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(noticeId, forKey: .noticeId)
        }
        enum CodingKeys: String, CodingKey { case start, end, noticeId = "notice_id" }
    }

    struct API: Encodable, Sendable {
        var id: String
        var name: String
        var probes: [ProbeResultJSON]
        var openIncident: IncidentJSON?
        var newestNotice: NoticeJSON?
        var nextWindow: Window?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(probes, forKey: .probes)
            try c.encode(openIncident, forKey: .openIncident)
            try c.encode(newestNotice, forKey: .newestNotice)
            try c.encode(nextWindow, forKey: .nextWindow)
        }
        enum CodingKeys: String, CodingKey {
            case id, name, probes, openIncident = "open_incident", newestNotice = "newest_notice", nextWindow = "next_window"
        }
    }

    struct Source: Encodable, Sendable {
        var feed: String
        var name: String
        var url: String
        var lastPollAt: String?
        var lastSuccessAt: String?
        var consecutiveFailures: Int
        var lastError: String?
        var nextPollAt: String?
        var stormSince: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(feed, forKey: .feed)
            try c.encode(name, forKey: .name)
            try c.encode(url, forKey: .url)
            try c.encode(lastPollAt, forKey: .lastPollAt)
            try c.encode(lastSuccessAt, forKey: .lastSuccessAt)
            try c.encode(consecutiveFailures, forKey: .consecutiveFailures)
            try c.encode(lastError, forKey: .lastError)
            try c.encode(nextPollAt, forKey: .nextPollAt)
            try c.encode(stormSince, forKey: .stormSince)
        }
        enum CodingKeys: String, CodingKey {
            case feed, name, url, lastPollAt = "last_poll_at", lastSuccessAt = "last_success_at"
            case consecutiveFailures = "consecutive_failures", lastError = "last_error", nextPollAt = "next_poll_at"
            case stormSince = "storm_since"
        }
    }

    var generatedAt: String
    var apis: [API]
    var sources: [Source]

    init(_ r: StatusReport) {
        generatedAt = OutputDate.iso(r.generatedAt)
        apis = r.apis.map { a in
            API(
                id: a.id, name: a.name, probes: a.probes.map(ProbeResultJSON.init), openIncident: a.openIncident.map(IncidentJSON.init),
                newestNotice: a.newestNotice.map(NoticeJSON.init),
                nextWindow: a.nextWindow.map {
                    Window(start: OutputDate.iso($0.start), end: $0.end.map(OutputDate.iso), noticeId: a.nextWindowNotice?.rawValue)
                })
        }
        sources = r.sources.map { s in
            Source(
                feed: s.feed.rawValue, name: s.name, url: s.url, lastPollAt: s.state?.lastPollAt.map(OutputDate.iso),
                lastSuccessAt: s.state?.lastSuccessAt.map(OutputDate.iso), consecutiveFailures: s.state?.consecutiveFailures ?? 0,
                lastError: s.state?.lastError, nextPollAt: s.state?.nextPollAt.map(OutputDate.iso),
                stormSince: s.state?.stormSince.map(OutputDate.iso))
        }
    }

    enum CodingKeys: String, CodingKey { case generatedAt = "generated_at", apis, sources }
}
