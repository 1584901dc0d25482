public import History
public import NoticeStore
public import Prometheus

extension WebDependencies {
    /// The daemon's dependencies: its store, its metrics registry and its readiness facts.
    public init(
        history: HistoryReader, store: NoticeStore, metrics: PrometheusCollectorRegistry,
        readiness: @escaping @Sendable () async -> [String]
    ) {
        self.init(history: history, store: store)
        self.metrics = metrics
        self.readiness = readiness
    }
}
