import Foundation
import History
import Hummingbird
import VarselConfig
import VarselModel

extension PageRoutes {
    /// `/`: per API its probes, open incident, newest notice and next window; per source its polling.
    func statusPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let report = try await deps.history.status(now: Date())
        let apis = report.apis.map { api -> [String: Any] in
            [
                "id": api.id, "name": api.name,
                "probes": api.probes.map { p -> [String: Any] in
                    [
                        "environment": Labels.probeEnvironment(p.environment), "up": p.up,
                        "state": p.up ? "Oppe" : "Nede", "at": TimeView.view(p.at),
                        "detail": p.up ? false : (p.cause.map(Labels.cause) ?? p.detail ?? "feil") as Any,
                    ]
                },
                "probed": !api.probes.isEmpty,
                "incident": api.openIncident.map(RecordViews.incident) ?? false,
                "newest": api.newestNotice.map(RecordViews.noticeRow) ?? false,
                "window": api.nextWindow.map(RecordViews.window) ?? false,
                "windowNotice": api.nextWindowNotice.map { ["id": $0.rawValue, "path": RecordViews.noticePath($0)] } ?? false,
            ]
        }
        let sources = report.sources.map { s -> [String: Any] in
            [
                "name": s.name, "url": s.url, "polled": s.state != nil,
                "lastSuccess": TimeView.view(s.state?.lastSuccessAt), "lastPoll": TimeView.view(s.state?.lastPollAt),
                "failures": s.state?.consecutiveFailures ?? 0, "failing": (s.state?.consecutiveFailures ?? 0) > 0,
                "error": s.state?.lastError ?? false, "nextPoll": TimeView.view(s.state?.nextPollAt),
            ]
        }
        return renderer.response("status", page("Status", current: "/", context, ["apis": apis, "sources": sources]))
    }
}
