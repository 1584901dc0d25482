/// Where varselvakt keeps its state (`[store]`).
public struct StoreConfig: Sendable, Hashable {
    /// Absolute path of the SQLite database; a relative `path` in the file is resolved against
    /// the config file's directory, so the daemon and the CLI find the same file from any cwd.
    public var path: String
    /// Lines of the poll log (one per poll of each source) older than this are deleted hourly
    /// and by `varselvakt prune`; notices, versions, changes, incidents and deliveries are kept.
    public var pollLogRetention: Duration

    public init(path: String, pollLogRetention: Duration = .seconds(90 * 86_400)) {
        self.path = path
        self.pollLogRetention = pollLogRetention
    }
}
