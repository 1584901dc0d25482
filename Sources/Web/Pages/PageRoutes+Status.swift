import Foundation
import History
import Hummingbird
import VarselConfig
import VarselModel

extension PageRoutes {
    /// `/`: per API its probes, open incident, newest notice and next window; per source its polling.
    func statusPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let report = try await deps.history.status(now: Date())
        let sources = report.sources.map { s -> [String: Any] in
            [
                "name": s.name, "url": s.url, "polled": s.state != nil,
                "lastSuccess": TimeView.view(s.state?.lastSuccessAt), "lastPoll": TimeView.view(s.state?.lastPollAt),
                "failures": s.state?.consecutiveFailures ?? 0, "failing": (s.state?.consecutiveFailures ?? 0) > 0,
                "error": s.state?.lastError ?? false, "nextPoll": TimeView.view(s.state?.nextPollAt),
                "storm": TimeView.view(s.state?.stormSince),
            ]
        }
        return renderer.response("status", page("Status", current: "/", context, ["apis": StatusRows.apis(report.apis), "sources": sources]))
    }
}
