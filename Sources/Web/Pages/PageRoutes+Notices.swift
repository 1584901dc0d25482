import Foundation
import History
import Hummingbird
import NoticeStore
import VarselConfig
import VarselModel

extension PageRoutes {
    /// `/notices`: newest first, filtered, one page at a time (`before` = the previous page's `next`).
    func noticesPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let q = QueryValues(request.uri.query)
        var query = try ListFilters.notices(q, now: Date())
        query.includeText = false  // the list shows no text
        let page = try await deps.history.notices(query)
        let apis = HTMLBuilder.options(deps.history.config.catalog.apis.map { ($0.id, $0.name, $0.id == query.api) })
        let view: [String: Any] = [
            "rows": RecordViews.noticeRows(page.items),
            "empty": page.items.isEmpty,
            "next": page.next.map { "/notices?" + q.with("before", $0) } ?? false,
            "first": query.before != nil ? "/notices?" + q.with("before", nil) : false,
            "export": "/export/notices.csv?" + q.with("before", nil),
            "filter": [
                "q": q["q"] ?? "", "from": q["from"] ?? "", "to": q["to"] ?? "", "limit": q["limit"] ?? "",
                "apiOptions": apis,
                "kinds": Labels.options(NoticeKind.allCases, selected: query.kind, label: Labels.kind),
                "environments": Labels.options(NoticeEnvironment.allCases, selected: query.environment, label: Labels.environment),
                "statuses": Labels.options(Labels.noticeStatuses, selected: query.status, label: Labels.status),
            ] as [String: Any],
        ]
        return renderer.response("notices", self.page("Varsler", current: "/notices", context, view))
    }
}
