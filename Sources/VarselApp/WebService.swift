import Delivery
import History
import Logging
public import Prometheus
public import ServiceLifecycle
import VarselConfig
import Web

extension Runtime {
    /// The web server `[web]` asks for, as a service for the daemon's group; nil when
    /// `[web] enabled = false`. Throws `WebServerError.unprotectedListen` (the daemon then
    /// refuses to start) when `listen` is reachable from the network and nobody must log in.
    /// - Parameters:
    ///   - metrics: the daemon's registry, which /metrics emits.
    ///   - liveness: the loops /readyz checks.
    public func webService(metrics: PrometheusCollectorRegistry, liveness: LoopLiveness) throws -> (any Service)? {
        guard config.web.enabled else { return nil }
        let readiness = DaemonReadiness(config: config, store: store, liveness: liveness)
        var deps = WebDependencies(
            history: HistoryReader(store: store, config: config), store: store, metrics: metrics,
            readiness: { await readiness.problems() })
        // "Send igjen" makes a delivery due now: the worker should try it now, not at its next wake-up.
        let worker = alerting.worker
        deps.wakeOutbox = { worker.wake() }
        var webLogger = logger
        webLogger[metadataKey: "component"] = "web"
        let app = try WebServer.buildApplication(deps, WebSettings(config.web), logger: webLogger)
        return WebServerService(server: app, address: config.web.listen.description, logger: webLogger)
    }
}

/// The CLI's `varselvakt web` helpers, so the command target need not link the web module.
public enum WebCredentialTools {
    /// See `WebCredentials.hashPassword`.
    public static func hashPassword(_ password: String, cost: UInt8) -> String {
        WebCredentials.hashPassword(password, cost: cost)
    }

    /// See `WebCredentials.newToken`.
    public static func newToken() -> (token: String, sha256: String) { WebCredentials.newToken() }
}
