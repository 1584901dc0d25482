import Foundation
public import Metrics
import VarselModel

/// The daemon's metrics, recorded through swift-metrics into the factory it is given (the
/// Prometheus registry in the daemon, a fresh one in tests).
///
/// Names follow Prometheus conventions: `varselvakt_probe_up{api,environment}` (0/1),
/// `varselvakt_probe_duration_seconds{api,environment}` (histogram),
/// `varselvakt_incidents_opened_total{api,environment}`,
/// `varselvakt_deliveries_total{channel,outcome}` (sent, failed, dead),
/// `varselvakt_polls_total{feed,outcome}`, `varselvakt_alert_storm_polls_total{feed}`.
public struct Telemetry: Sendable {
    let factory: any MetricsFactory

    public init(factory: any MetricsFactory) { self.factory = factory }

    /// Records nothing (the CLI's one-shot commands).
    public static let none = Telemetry(factory: NOOPMetricsHandler.instance)

    func probe(_ result: ProbeResult) {
        let dimensions = [("api", result.api), ("environment", result.environment.rawValue)]
        Gauge(label: "varselvakt_probe_up", dimensions: dimensions, factory: factory).record(result.up ? 1 : 0)
        Timer(label: "varselvakt_probe_duration_seconds", dimensions: dimensions, factory: factory)
            .recordNanoseconds(Int64(result.timings.total * 1e9))
    }

    func incidentOpened(api: String, environment: ProbeEnvironment) {
        Counter(
            label: "varselvakt_incidents_opened_total", dimensions: [("api", api), ("environment", environment.rawValue)],
            factory: factory
        ).increment()
    }

    func delivery(channel: DeliveryChannel, outcome: String) {
        Counter(label: "varselvakt_deliveries_total", dimensions: [("channel", channel.rawValue), ("outcome", outcome)], factory: factory)
            .increment()
    }

    /// A poll whose alerting changes exceeded the feed's `storm_threshold` (stored, not sent).
    func alertStorm(feed: FeedID) {
        Counter(label: "varselvakt_alert_storm_polls_total", dimensions: [("feed", feed.rawValue)], factory: factory).increment()
    }

    func poll(feed: FeedID, outcome: String) {
        Counter(label: "varselvakt_polls_total", dimensions: [("feed", feed.rawValue), ("outcome", outcome)], factory: factory)
            .increment()
    }
}
