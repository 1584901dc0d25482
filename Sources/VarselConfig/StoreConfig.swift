/// Where varselvakt keeps its state (`[store]`).
public struct StoreConfig: Sendable, Hashable {
    /// Absolute path of the SQLite database; a relative `path` in the file is resolved against
    /// the config file's directory, so the daemon and the CLI find the same file from any cwd.
    public var path: String

    public init(path: String) {
        self.path = path
    }
}
