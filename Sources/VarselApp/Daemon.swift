import Logging
public import Prometheus
import ServiceLifecycle
import UnixSignals
import VarselConfig

extension Runtime {
    /// Runs the daemon's services in one `ServiceGroup` until SIGTERM or SIGINT, then shuts
    /// them down gracefully (in reverse order) and returns.
    /// - Parameter metrics: the registry behind `telemetry`, written to `[metrics] textfile` if set
    ///   and served at /metrics.
    /// - Throws: `WebServerError.unprotectedListen` before anything starts, when `[web] listen`
    ///   is reachable from the network and no credentials are configured.
    public func runDaemon(notifier: SystemdNotifier = SystemdNotifier(), metrics: PrometheusCollectorRegistry? = nil) async throws {
        let liveness = LoopLiveness()
        // Built first: a web server that must not start stops the daemon before it polls.
        let web = try webService(metrics: metrics ?? PrometheusCollectorRegistry(), liveness: liveness)
        let poller = FeedPollerService(cycle: cycle, feeds: config.feeds, logger: logger, telemetry: telemetry)
        let outbox = OutboxService(worker: alerting.worker)
        let reload = ReloadService(alerting: alerting, configFile: config.configFile, notifier: notifier, logger: logger)
        // Shutdown runs in reverse: stop reloading, stop polling, then let the outbox finish
        // what is in flight, so nothing a poll stored is left half-sent.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: TrackedService("outbox", outbox, liveness: liveness)),
            .init(service: TrackedService("poller", poller, liveness: liveness)),
            .init(service: PruneService(store: store, config: config, logger: logger)),
        ]
        if !probes.targets.isEmpty {
            let probing = ProbeService(cycle: probes, logger: logger)
            services.append(.init(service: TrackedService("probes", probing, liveness: liveness)))
        }
        if let metrics, let path = config.metrics.textfile {
            services.append(
                .init(service: MetricsFileService(registry: metrics, path: path, interval: config.metrics.interval, logger: logger)))
        }
        // The web server stops before the loops it reports on (shutdown runs in reverse).
        if let web { services.append(.init(service: web)) }
        services.append(.init(service: reload))
        let group = ServiceGroup(
            configuration: .init(
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        // The configuration is valid and the store is open: from here on the daemon polls.
        let serving = web == nil ? "" : "; web on http://\(config.web.listen)"
        notifier.notify(["READY=1", "STATUS=polling \(config.feeds.count) feeds\(serving)"])
        defer { notifier.notify(["STOPPING=1"]) }
        try await group.run()
    }
}
