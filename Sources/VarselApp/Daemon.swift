import Logging
public import Prometheus
import ServiceLifecycle
import UnixSignals
import VarselConfig

extension Runtime {
    /// Runs the daemon's services in one `ServiceGroup` until SIGTERM or SIGINT, then shuts
    /// them down gracefully (in reverse order) and returns.
    /// - Parameter metrics: the registry behind `telemetry`, written to `[metrics] textfile` if set.
    public func runDaemon(notifier: SystemdNotifier = SystemdNotifier(), metrics: PrometheusCollectorRegistry? = nil) async throws {
        let poller = FeedPollerService(cycle: cycle, feeds: config.feeds, logger: logger, telemetry: telemetry)
        let outbox = OutboxService(worker: alerting.worker)
        let reload = ReloadService(alerting: alerting, configFile: config.configFile, notifier: notifier, logger: logger)
        // Shutdown runs in reverse: stop reloading, stop polling, then let the outbox finish
        // what is in flight, so nothing a poll stored is left half-sent.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: outbox), .init(service: poller)]
        if !probes.targets.isEmpty {
            services.append(.init(service: ProbeService(cycle: probes, retention: config.probes.retention, logger: logger)))
        }
        if let metrics, let path = config.metrics.textfile {
            services.append(
                .init(service: MetricsFileService(registry: metrics, path: path, interval: config.metrics.interval, logger: logger)))
        }
        services.append(.init(service: reload))
        let group = ServiceGroup(
            configuration: .init(
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        // The configuration is valid and the store is open: from here on the daemon polls.
        notifier.notify(["READY=1", "STATUS=polling \(config.feeds.count) feeds"])
        defer { notifier.notify(["STOPPING=1"]) }
        try await group.run()
    }
}
