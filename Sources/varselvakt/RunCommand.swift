import ArgumentParser
import Logging
import Prometheus
import VarselApp
import VarselConfig

/// `varselvakt run`: the daemon. Polls every feed on its interval until SIGTERM or SIGINT,
/// then lets the current poll finish and exits 0.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the daemon (poll every feed on its interval).")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let config = try options.load()
        let logger = bootstrapLogging(level: Logger.Level(rawValue: config.log.level.rawValue) ?? .info)
        // swift-metrics goes to a Prometheus registry; `[metrics] textfile` makes it visible.
        let registry = PrometheusCollectorRegistry()
        let telemetry = Telemetry(factory: PrometheusMetricsFactory(registry: registry))
        let runtime = try makeRuntime(config, logger: logger, telemetry: telemetry)
        logger.info(
            "varselvakt starting",
            metadata: [
                "config": "\(config.configFile)", "store": "\(config.store.path)", "feeds": "\(config.feeds.count)",
            ])
        try await runtime.runDaemon(metrics: registry)
        logger.info("varselvakt stopped")
    }
}
