import Foundation
import History
import Hummingbird
import NoticeStore
import VarselModel

/// `/export/notices.csv`, `/export/deliveries.csv`, `/export/incidents.csv`: the list pages'
/// filters (date range `from`/`to` included), every matching row, times in RFC 3339.
struct ExportRoutes: Sendable {
    let deps: WebDependencies
    /// A guard against an export that would take the daemon's memory: a year of notices is
    /// far below it.
    static let maximumRows = 100_000

    func register(on router: Router<WebContext>) {
        router.get("/export/notices.csv") { request, _ in await export(request, "notices", notices) }
        router.get("/export/deliveries.csv") { request, _ in await export(request, "deliveries", deliveries) }
        router.get("/export/incidents.csv") { request, _ in await export(request, "incidents", incidents) }
    }

    private func export(_ request: Request, _ name: String, _ body: (QueryValues) async throws -> CSVWriter) async -> Response {
        do {
            let csv = try await body(QueryValues(request.uri.query))
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(name).csv\""
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: csv.text)))
        } catch let error as ParameterError {
            return Self.plain(.badRequest, "\(error.parameter): \(error.problem)\n")
        } catch {
            return Self.plain(.internalServerError, "export failed: \(error)\n")
        }
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Reads every page of a list (the reader's cursor, `PageSize.maximum` at a time).
    static func all<Item>(
        limit: Int = maximumRows, _ read: (String?) async throws -> Page<Item>
    ) async throws -> [Item] {
        var items: [Item] = []
        var cursor: String? = nil
        repeat {
            let page = try await read(cursor)
            items += page.items
            cursor = page.next
        } while cursor != nil && items.count < limit
        return Array(items.prefix(limit))
    }

    func notices(_ q: QueryValues) async throws -> CSVWriter {
        var query = try ListFilters.notices(q, now: Date())
        query.limit = PageSize.maximum
        let rows = try await Self.all { cursor in
            query.before = cursor
            return try await deps.history.notices(query)
        }
        var csv = CSVWriter(header: [
            "id", "feed", "title", "kind", "status", "environment", "apis", "published", "first_seen", "last_changed",
            "versions", "link",
        ])
        for n in rows {
            csv.row([
                n.id.rawValue, n.feedID.rawValue, n.entry.title, n.classification.kind.rawValue, n.status.rawValue,
                n.classification.environment.rawValue, n.classification.apis.joined(separator: " "),
                n.entry.published.map(OutputDate.iso) ?? "", OutputDate.iso(n.firstSeenAt), OutputDate.iso(n.lastChangedAt),
                String(n.versionCount), n.entry.link ?? "",
            ])
        }
        return csv
    }

    func deliveries(_ q: QueryValues) async throws -> CSVWriter {
        var query = try ListFilters.deliveries(q, now: Date())
        query.limit = PageSize.maximum
        let rows = try await Self.all { cursor in
            query.before = cursor
            return try await deps.history.deliveries(query)
        }
        var csv = CSVWriter(header: [
            "id", "notice_id", "subscriber_id", "subscriber_name", "channel", "recipients", "reason", "status", "attempts",
            "created_at", "last_attempt_at", "sent_at", "next_attempt_at", "last_error",
        ])
        for d in rows {
            csv.row([
                String(d.id), d.planned.noticeID.rawValue, d.planned.subscriberID.rawValue, d.planned.subscriberName,
                d.planned.channel.rawValue, Redaction.delivery(d).planned.recipients.joined(separator: " "), d.planned.reason, d.status.rawValue,
                String(d.attempts), OutputDate.iso(d.createdAt), d.lastAttemptAt.map(OutputDate.iso) ?? "",
                d.sentAt.map(OutputDate.iso) ?? "", d.nextAttemptAt.map(OutputDate.iso) ?? "", d.lastError ?? "",
            ])
        }
        return csv
    }

    func incidents(_ q: QueryValues) async throws -> CSVWriter {
        var query = try ListFilters.incidents(q, now: Date())
        query.limit = PageSize.maximum
        let rows = try await Self.all { cursor in
            query.before = cursor
            return try await deps.history.incidents(query)
        }
        var csv = CSVWriter(header: [
            "id", "api", "environment", "opened_at", "first_failure_at", "resolved_at", "duration_seconds", "cause", "detail",
            "expected", "alerted", "notice_id", "linked_notices",
        ])
        for i in rows {
            csv.row([
                String(i.id), i.api, i.environment.rawValue, OutputDate.iso(i.openedAt), OutputDate.iso(i.firstFailureAt),
                i.resolvedAt.map(OutputDate.iso) ?? "", i.duration.map { String(Int($0)) } ?? "", i.cause.rawValue,
                i.detail ?? "", IncidentJSON.expectation(i.expectation) ?? "", i.alerted ? "true" : "false",
                i.noticeID?.rawValue ?? "", i.linkedNotices.map(\.rawValue).joined(separator: " "),
            ])
        }
        return csv
    }
}
