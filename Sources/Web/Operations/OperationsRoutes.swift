import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NoticeStore
import Prometheus

/// /healthz (the process answers), /readyz (it can do its work) and /metrics (Prometheus text).
/// /healthz and /readyz are open, for load balancers and systemd; /metrics needs a token
/// when credentials are configured (see `RouteAccess`).
enum OperationsRoutes {
    static func add(to router: Router<WebContext>, _ deps: WebDependencies) {
        router.get("/healthz") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("/readyz") { _, _ in
            let problems = await readinessProblems(deps)
            return try json(Readiness(status: problems.isEmpty ? "ready" : "not_ready", problems: problems),
                status: problems.isEmpty ? .ok : .serviceUnavailable)
        }
        let scrape = ScrapeMetrics(registry: deps.metrics, store: deps.store)
        router.get("/metrics") { _, context in
            do {
                try await scrape.update(now: Date())
            } catch {
                context.logger.warning("web: metrics from the store are stale", metadata: ["error": "\(error)"])
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: deps.metrics.emitToBuffer())))
        }
    }

    /// The store's write check first, then what the daemon reports.
    static func readinessProblems(_ deps: WebDependencies) async -> [String] {
        var problems: [String] = []
        do {
            try await deps.store.checkWritable()
        } catch {
            problems.append("store not writable: \(error)")
        }
        return problems + (await deps.readiness())
    }

    /// /readyz's body: `{"status":"ready","problems":[]}` or `"not_ready"` with one phrase each.
    struct Readiness: Codable, Sendable, Hashable {
        var status: String
        var problems: [String]
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
