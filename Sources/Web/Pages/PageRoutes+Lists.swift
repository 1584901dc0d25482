import Foundation
import History
import Hummingbird
import NoticeStore
import VarselConfig
import VarselModel

extension PageRoutes {
    /// `/incidents`: probe incidents, newest opened first; `open=true` for those still open.
    func incidentsPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let q = QueryValues(request.uri.query)
        let query = try ListFilters.incidents(q, now: Date())
        let result = try await deps.history.incidents(query)
        let view: [String: Any] = [
            "incidents": result.items.map(RecordViews.incident), "empty": result.items.isEmpty,
            "next": result.next.map { "/incidents?" + q.with("before", $0) } ?? false,
            "export": "/export/incidents.csv?" + q.with("before", nil),
            "filter": [
                "api": q["api"] ?? "", "from": q["from"] ?? "", "to": q["to"] ?? "", "open": query.openOnly,
            ] as [String: Any],
        ]
        return renderer.response("incidents", page("Hendelser", current: "/incidents", context, view))
    }

    /// `/deliveries`: the outbox, newest first, filtered by status, subscriber and channel; the
    /// dead ones have their own count and a one-click filter, and a button to send again.
    func deliveriesPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let q = QueryValues(request.uri.query)
        let query = try ListFilters.deliveries(q, now: Date())
        let result = try await deps.history.deliveries(query)
        let back = "/deliveries" + (request.uri.query.map { "?" + $0 } ?? "")
        // A count from the status index, not the dead deliveries themselves (500 records read
        // to count them was most of this page's store time).
        let deadCount = try await deps.store.outboxDepth()[.dead] ?? 0
        let subscribers = HTMLBuilder.options(
            deps.history.config.subscribers.map { ($0.id.rawValue, $0.name, $0.id == query.subscriber) })
        let view: [String: Any] = [
            "rows": RecordViews.deliveryRows(result.items, csrf: context.csrfToken, back: back, on: .deliveriesPage),
            "empty": result.items.isEmpty,
            "deadCount": deadCount, "hasDead": deadCount > 0,
            "next": result.next.map { "/deliveries?" + q.with("before", $0) } ?? false,
            "export": "/export/deliveries.csv?" + q.with("before", nil),
            "filter": [
                "notice": q["notice"] ?? "", "from": q["from"] ?? "", "to": q["to"] ?? "",
                "statuses": Labels.options(DeliveryStatus.allCases, selected: query.status, label: Labels.delivery),
                "channels": Labels.options(DeliveryChannel.allCases, selected: query.channel, label: Labels.channel),
                "subscriberOptions": subscribers,
            ] as [String: Any],
        ]
        return renderer.response("deliveries", page("Leveranser", current: "/deliveries", context, view))
    }

    /// `/subscribers`: what each follows and its newest delivery. Never a secret: only what
    /// `SubscriberJSON` shows (webhook secrets and SMTP passwords stay in the config).
    func subscribersPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let summaries = try await deps.history.subscribers()
        let rows = summaries.map { s -> [String: Any] in
            let sub = s.subscriber
            return [
                "id": sub.id.rawValue, "name": sub.name, "kind": Labels.subscriberKind(sub.kind), "org": sub.orgNumber,
                "municipality": sub.municipalityNumber ?? false,
                "channels": sub.channels.map(Labels.channel).joined(separator: ", "),
                "follows": SubscriberJSON.describe(sub.subscription, actsFor: sub.actsFor),
                "deliveriesPath": "/deliveries?subscriber=" + PercentEncoding.unreserved(sub.id.rawValue),
                "last": s.lastDelivery.map { RecordViews.delivery($0, csrf: context.csrfToken, back: "/subscribers") } ?? false,
            ]
        }
        return renderer.response(
            "subscribers", page("Abonnenter", current: "/subscribers", context, ["subscribers": rows, "empty": rows.isEmpty]))
    }

    /// `/today` (or `?date=2024-01-22`): one timeline of the day in Europe/Oslo.
    func todayPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let q = QueryValues(request.uri.query)
        let now = Date()
        var day = Calendar.oslo.startOfDay(for: now)
        if let text = q["date"] {
            guard ListFilters.isBareDate(text), let date = DateArgument.parse(text, now: now) else {
                throw ParameterError("date", "must be a date like 2024-01-22, got \"\(text)\"")
            }
            day = date
        }
        let end = Calendar.oslo.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
        let events = try await deps.history.timeline(from: day, to: end)
        let dayText = String(OutputDate.iso(day).prefix(10))
        let previous = String(OutputDate.iso(Calendar.oslo.date(byAdding: .day, value: -1, to: day) ?? day).prefix(10))
        let following = String(OutputDate.iso(end).prefix(10))
        let rows = events.map { e -> [String: Any] in
            [
                "at": TimeView.view(e.at), "kind": e.kind.rawValue, "summary": e.summary,
                "notice": e.noticeID.map { ["path": RecordViews.noticePath($0)] } ?? false,
            ]
        }
        let view: [String: Any] = [
            "events": rows, "empty": rows.isEmpty, "day": dayText,
            "previous": "/today?date=\(previous)", "following": end <= now ? "/today?date=\(following)" : false,
        ]
        return renderer.response("today", page("I dag", current: "/today", context, view))
    }
}
