public import History
public import NoticeStore

/// What the routes read from and act through; passed in, never global.
public struct WebDependencies: Sendable {
    /// Every page and API answer comes from here, as the CLI's do.
    public var history: HistoryReader
    /// The store, for operator actions (send again, silences) and readiness checks.
    public var store: NoticeStore
    /// Tells the daemon's outbox worker that a delivery became due (after "send again"), so it
    /// is tried now rather than at the worker's next idle wake-up. Does nothing outside the daemon.
    public var wakeOutbox: @Sendable () -> Void

    public init(history: HistoryReader, store: NoticeStore, wakeOutbox: @escaping @Sendable () -> Void = {}) {
        self.history = history
        self.store = store
        self.wakeOutbox = wakeOutbox
    }
}
