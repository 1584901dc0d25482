import Classify
import Curl
import Delivery
import Probes
import FeedFetch
import FeedParse
public import Logging
public import NoticeStore
public import VarselConfig
import VarselModel

/// Everything one varselvakt process needs, built once from a validated configuration:
/// the one database pool, the one curl thread, and the poll cycle that uses them.
public struct Runtime: Sendable {
    public let config: VarselvaktConfig
    public let store: NoticeStore
    public let cycle: PollCycle
    /// Routing, templates and the outbox worker.
    public let alerting: Alerting
    /// Probe rounds over the configured targets (empty when probes are off).
    public let probes: ProbeCycle
    public let logger: Logger

    /// Where metrics go (`Telemetry.none` for one-shot commands).
    public let telemetry: Telemetry

    public init(config: VarselvaktConfig, logger: Logger, telemetry: Telemetry = .none) throws {
        self.telemetry = telemetry
        self.config = config
        self.logger = logger
        store = try NoticeStore(path: config.store.path)
        // One curl thread for feeds, webhooks and SMTP; enough connections for a fan-out.
        let client = CurlClient(
            maxTotalConnections: max(16, config.delivery.concurrency + config.feeds.count),
            maxHostConnections: config.delivery.perHostConcurrency)
        let fetcher = FeedFetcher(client: client, userAgent: config.poll.userAgent ?? FeedFetcher.defaultUserAgent)
        let alerting = try Alerting(config: config, store: store, client: client, logger: logger, telemetry: telemetry)
        self.alerting = alerting
        let worker = alerting.worker
        cycle = PollCycle(
            store: store, fetcher: fetcher, classifier: Classifier(catalog: config.catalog, lexicon: config.lexicon),
            backoff: BackoffPolicy(maxDelay: config.poll.maxBackoff), logger: logger, route: alerting.route,
            stormRoute: { alerting.route(inStorm: $0) },
            changesStored: { worker.wake() })
        // Probes get a curl thread of their own: a round opens a fresh connection per target at
        // once, and must not wait behind a fan-out's webhooks (time waiting counts as timeout).
        let probeClient = CurlClient(maxTotalConnections: config.probes.concurrency + 1)
        probes = ProbeCycle(
            store: store,
            runner: ProbeRunner(
                client: probeClient, userAgent: config.poll.userAgent ?? FeedFetcher.defaultUserAgent,
                referenceURL: config.probes.referenceURL),
            targets: config.probeTargets, catalog: config.catalog, logger: logger, route: alerting.route,
            changesStored: { worker.wake() }, telemetry: telemetry)
    }

    /// Polls every feed once, concurrently, in config order.
    public func pollAll() async throws -> [FeedPollReport] {
        try await withThrowingTaskGroup(of: (Int, FeedPollReport).self) { group in
            for (index, feed) in config.feeds.enumerated() {
                group.addTask { (index, try await cycle.poll(feed)) }
            }
            var reports: [(Int, FeedPollReport)] = []
            for try await report in group { reports.append(report) }
            return reports.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
