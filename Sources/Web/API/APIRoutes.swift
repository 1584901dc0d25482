import Foundation
import History
import Hummingbird
import NoticeStore
import VarselModel

/// The JSON API under /api/v1: the same data as the pages, with the CLI's JSON forms
/// (snake_case keys, RFC 3339 times) and cursor pagination (`limit`, `before` → `next`).
/// Described by docs/openapi.yaml, served at /api/v1/openapi.yaml.
struct APIRoutes: Sendable {
    let deps: WebDependencies

    init(deps: WebDependencies) {
        self.deps = deps
    }

    func register(on router: Router<WebContext>) {
        let api = router.group("/api/v1")
        api.get("/openapi.yaml") { _, _ in Self.openAPIDocument() }
        api.get("/notices") { request, _ in await answer { try await notices(request) } }
        api.get("/notices/{id}") { request, context in await answer { try await notice(context) } }
        api.get("/history") { request, _ in await answer { try await history(request) } }
        api.get("/deliveries") { request, _ in await answer { try await deliveries(request) } }
        api.get("/incidents") { request, _ in await answer { try await incidents(request) } }
        api.get("/subscribers") { _, _ in await answer { try await subscribers() } }
        api.get("/silences") { request, _ in await answer { try await silences(request) } }
        api.get("/status") { _, _ in await answer { try await status() } }
    }

    static func openAPIDocument() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/yaml; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: PackageResources.openapi_yaml)))
    }

    func notices(_ request: Request) async throws -> Response {
        let query = try ListFilters.notices(QueryValues(request.uri.query), now: Date())
        let page = try await deps.history.notices(query)
        return try Self.json(ListJSON(items: page.items.map(NoticeJSON.init), next: page.next))
    }

    func notice(_ context: WebContext) async throws -> Response {
        guard let raw = context.parameters.get("id"), let id = raw.removingPercentEncoding, !id.isEmpty else {
            throw ParameterError("id", "is missing")
        }
        return try Self.json(NoticeReportJSON(try await deps.history.notice(id)))
    }

    /// Recorded changes, newest first: `from`, `to`, `api`, `notice`, `alerting`, `limit`,
    /// `before` (cursor `c:<change id>`: the changes listed after that one).
    func history(_ request: Request) async throws -> Response {
        let q = QueryValues(request.uri.query)
        let now = Date()
        let from = try ListFilters.date(q, "from", now: now)
        let to = try ListFilters.date(q, "to", now: now, endOfDay: true)
        let limit = PageSize.clamp(try ListFilters.limit(q))
        var before: Int64? = nil
        if let cursor = try ListFilters.cursor(q) {
            guard cursor.hasPrefix("c:"), let id = Int64(cursor.dropFirst(2)) else {
                throw ParameterError("before", "is not a cursor this server returned as \"next\"")
            }
            before = id
        }
        // One page in SQL (newest first, after the change the cursor names), one row more than
        // the page to know whether another follows.
        let matching = try await deps.history.changes(
            ChangeFilter(
                since: from, until: to, api: q["api"], notice: q["notice"].map { NoticeID($0) },
                alertingOnly: try ListFilters.flag(q, "alerting"), limit: limit + 1, beforeID: before))
        let items = Array(matching.prefix(limit))
        let next = matching.count > limit ? items.last.map { "c:\($0.id)" } : nil
        return try Self.json(ListJSON(items: items.map(ChangeJSON.init), next: next))
    }

    func deliveries(_ request: Request) async throws -> Response {
        let query = try ListFilters.deliveries(QueryValues(request.uri.query), now: Date())
        let page = try await deps.history.deliveries(query)
        return try Self.json(ListJSON(items: page.items.map { DeliveryJSON(Redaction.delivery($0)) }, next: page.next))
    }

    func incidents(_ request: Request) async throws -> Response {
        let query = try ListFilters.incidents(QueryValues(request.uri.query), now: Date())
        let page = try await deps.history.incidents(query)
        return try Self.json(ListJSON(items: page.items.map(IncidentJSON.init), next: page.next))
    }

    func subscribers() async throws -> Response {
        try Self.json(ListJSON(items: try await deps.history.subscribers().map(SubscriberSummaryJSON.init), next: nil))
    }

    /// `active=true`: only silences not yet ended.
    func silences(_ request: Request) async throws -> Response {
        let now = Date()
        let activeOnly = try ListFilters.flag(QueryValues(request.uri.query), "active")
        let silences = try await deps.history.silences(activeAt: activeOnly ? now : nil)
        return try Self.json(ListJSON(items: silences.map { SilenceJSON($0, now: now) }, next: nil))
    }

    func status() async throws -> Response {
        try Self.json(StatusJSON(try await deps.history.status(now: Date())))
    }

    /// Runs a handler; a bad parameter is 400 naming it, an unknown notice 404, the rest 500
    /// (without internals: the log has them).
    func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as ParameterError {
            return Self.error(.badRequest, APIErrorJSON(error: "bad_parameter", parameter: error.parameter, problem: error.problem))
        } catch StoreError.noSuchNotice(let id) {
            return Self.error(.notFound, APIErrorJSON(error: "not_found", parameter: "id", problem: "no notice with id or alias \(id)"))
        } catch {
            return Self.error(.internalServerError, APIErrorJSON(error: "internal", parameter: nil, problem: "the request failed; see the server log"))
        }
    }

    static func error(_ status: HTTPResponse.Status, _ body: APIErrorJSON) -> Response {
        (try? json(body, status: status)) ?? Response(status: status)
    }

    /// The CLI's encoder settings (sorted keys, slashes unescaped), compact.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
