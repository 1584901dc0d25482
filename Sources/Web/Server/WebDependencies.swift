public import History
public import NoticeStore
public import Prometheus

/// What the routes read from and act through; passed in, never global.
public struct WebDependencies: Sendable {
    /// Every page and API answer comes from here, as the CLI's do.
    public var history: HistoryReader
    /// The store, for operator actions (send again, silences) and readiness checks.
    public var store: NoticeStore
    /// The daemon's registry: /metrics emits it, after adding the HTTP, outbox and source
    /// metrics. A fresh one unless the daemon passes its own.
    public var metrics = PrometheusCollectorRegistry()
    /// What is not ready, one phrase each ("feed skatteetaten: failing past its back-off cap");
    /// empty when all is well. The daemon knows its loops; the store check is /readyz's own.
    public var readiness: @Sendable () async -> [String] = { [] }
    /// Tells the daemon's outbox worker that a delivery became due (after "send again"), so it
    /// is tried now rather than at the worker's next idle wake-up. Does nothing outside the daemon.
    public var wakeOutbox: @Sendable () -> Void = {}

    public init(history: HistoryReader, store: NoticeStore) {
        self.history = history
        self.store = store
    }
}
