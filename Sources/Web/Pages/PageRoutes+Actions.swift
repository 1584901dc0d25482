import Foundation
import History
import Hummingbird
import VarselConfig
import VarselModel

extension PageRoutes {
    /// `POST /deliveries/{id}/send-again`: asks the outbox to try a dead delivery again (the web
    /// never sends), then back to the page the button was on. The CSRF check is the security
    /// middleware's; the form carries the token as `csrf`.
    func sendAgain(_ request: Request, _ context: WebContext) async throws -> Response {
        guard let raw = context.parameters.get("id"), let id = Int64(raw) else {
            throw PageNotFound(message: "Leveransen finnes ikke.")
        }
        let form = try await Self.form(request)
        _ = try await actions.sendAgain(delivery: id, by: context.identity?.name ?? "local")
        deps.wakeOutbox()
        return .redirect(to: Self.localPath(form["back"], otherwise: "/deliveries?status=dead"), type: .normal)
    }

    /// `/silences`: active and coming silences, a form to add one, a button to end one.
    func silencesPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let now = Date()
        let silences = try await deps.history.silences()
        let current = silences.filter { $0.end > now }.map { RecordViews.silence($0, now: now, csrf: context.csrfToken) }
        let past = silences.filter { $0.end <= now }.reversed().prefix(50).map {
            RecordViews.silence($0, now: now, csrf: context.csrfToken)
        }
        let apis = HTMLBuilder.options(deps.history.config.catalog.apis.map { ($0.id, $0.name, false) })
        let view: [String: Any] = [
            "current": current, "hasCurrent": !current.isEmpty, "past": Array(past), "hasPast": !past.isEmpty,
            "apiOptions": apis, "defaultStart": Self.localInput(now), "defaultEnd": Self.localInput(now.addingTimeInterval(2 * 3600)),
        ]
        return renderer.response("silences", page("Stilletider", current: "/silences", context, view))
    }

    /// `POST /silences`: `api`, `start`, `end` (`2024-01-22T16:30` in Europe/Oslo, as a
    /// datetime-local field sends it, or RFC 3339), `reason`.
    func addSilence(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await Self.form(request)
        guard let api = form["api"], deps.history.config.catalog.api(api) != nil else {
            throw ParameterError("api", "must be an API in the catalog")
        }
        let start = try Self.localTime(form, "start")
        let end = try Self.localTime(form, "end")
        guard end > start else { throw ParameterError("end", "must be after start") }
        guard let reason = form["reason"] else { throw ParameterError("reason", "must say why (it is shown in history)") }
        _ = try await actions.addSilence(api: api, start: start, end: end, reason: reason, by: context.identity?.name ?? "local")
        return .redirect(to: "/silences", type: .normal)
    }

    /// `POST /silences/{id}/expire`: ends a silence now (it stays in history).
    func expireSilence(_ request: Request, _ context: WebContext) async throws -> Response {
        guard let raw = context.parameters.get("id"), let id = Int64(raw) else {
            throw PageNotFound(message: "Stilletiden finnes ikke.")
        }
        _ = try await Self.form(request)
        try await actions.expireSilence(id: id, by: context.identity?.name ?? "local")
        return .redirect(to: "/silences", type: .normal)
    }

    /// A `datetime-local` value (`2024-01-22T16:30`, Europe/Oslo) or an RFC 3339 time.
    static func localTime(_ form: QueryValues, _ name: String) throws(ParameterError) -> Date {
        guard let text = form[name] else { throw ParameterError(name, "is required") }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        if parts.count == 5,
            let date = Calendar.oslo.date(
                from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4]))
        {
            return date
        }
        throw ParameterError(name, "must be a time like 2024-01-22T16:30 (Europe/Oslo), got \"\(text)\"")
    }

    /// `now` as a `datetime-local` field's value in Europe/Oslo.
    static func localInput(_ date: Date) -> String {
        let iso = OutputDate.iso(date)
        return String(iso.prefix(16))
    }
}
