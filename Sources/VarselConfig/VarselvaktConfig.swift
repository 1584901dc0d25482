public import VarselModel

/// The validated contents of varselvakt.toml: everything the daemon and the CLI need, with
/// defaults applied, relative paths made absolute and the catalog loaded.
///
/// Produced only by `ConfigLoader`, which rejects unknown keys, wrong types and bad values
/// instead of guessing; a value of this type is therefore safe to act on.
public struct VarselvaktConfig: Sendable, Hashable {
    /// The config file's absolute path (or the name given to `load(text:file:baseDirectory:)`).
    public var configFile: String
    public var store: StoreConfig
    /// Absolute path of the catalog file that was loaded, or nil when none was (empty catalog).
    public var catalogPath: String?
    public var log: LogConfig
    /// The `[poll]` section as written (defaults for feeds; `maxBackoff` and `userAgent` apply to all).
    public var poll: PollDefaults
    /// At least one; ids and URLs unique; every `apis` entry names a catalog API.
    public var feeds: [FeedConfig]
    public var catalog: Catalog

    public init(
        configFile: String, store: StoreConfig, catalogPath: String? = nil, log: LogConfig = LogConfig(),
        poll: PollDefaults = PollDefaults(), feeds: [FeedConfig], catalog: Catalog = Catalog(apis: [])
    ) {
        self.configFile = configFile
        self.store = store
        self.catalogPath = catalogPath
        self.log = log
        self.poll = poll
        self.feeds = feeds
        self.catalog = catalog
    }

    /// The feed with this id, if configured.
    public func feed(_ id: FeedID) -> FeedConfig? { feeds.first { $0.id == id } }
}
