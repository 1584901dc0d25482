import Logging
import ServiceLifecycle
import UnixSignals
import VarselConfig

extension Runtime {
    /// Runs the daemon's services in one `ServiceGroup` until SIGTERM or SIGINT, then shuts
    /// them down gracefully (in reverse order) and returns.
    public func runDaemon() async throws {
        let poller = FeedPollerService(cycle: cycle, feeds: config.feeds, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: poller)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
