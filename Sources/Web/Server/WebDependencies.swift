public import History
public import NoticeStore

/// What the routes read from and act through; passed in, never global.
public struct WebDependencies: Sendable {
    /// Every page and API answer comes from here, as the CLI's do.
    public var history: HistoryReader
    /// The store, for operator actions (send again, silences) and readiness checks.
    public var store: NoticeStore

    public init(history: HistoryReader, store: NoticeStore) {
        self.history = history
        self.store = store
    }
}
