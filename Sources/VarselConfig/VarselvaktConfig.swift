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
    /// Where `catalog` came from: a file (`[catalog] path` or catalog.toml beside the config) or
    /// the copy built into the binary.
    public var catalogSource: CatalogSource
    public var log: LogConfig
    /// The `[poll]` section as written (defaults for feeds; `maxBackoff` and `userAgent` apply to all).
    public var poll: PollDefaults
    /// At least one; ids and URLs unique; every `apis` entry names a catalog API.
    public var feeds: [FeedConfig]
    /// The catalog in force (see `catalogSource`); feeds, subscribers and probes were checked against it.
    public var catalog: Catalog
    /// Absolute path of the subscribers file that was loaded, or nil when there is none (then
    /// nobody is alerted).
    public var subscribersPath: String?
    /// Validated: ids unique, org numbers mod-11 checked, catalog references resolved, webhook
    /// secrets read. Replaced as a whole on reload (`ConfigLoader.reloadSubscribers(for:)`).
    public var subscribers: [Subscriber]
    public var delivery: DeliveryConfig
    /// The SMTP relay; nil when no `[email]` table is given (then no subscriber may have e-mail
    /// addresses unless `delivery.fileSink` is set).
    public var email: EmailConfig?
    public var webhook: WebhookConfig
    /// `[probes]`: whether and where the daemon checks the catalog's APIs (see `probeTargets`).
    public var probes: ProbesConfig
    /// `[metrics]`: the Prometheus textfile, if any.
    public var metrics: MetricsConfig
    /// `[web]`: the page, the API and the operations endpoints (on by default, loopback only).
    public var web: WebConfig

    public init(
        configFile: String, store: StoreConfig, catalogSource: CatalogSource, log: LogConfig = LogConfig(),
        poll: PollDefaults = PollDefaults(), feeds: [FeedConfig], catalog: Catalog, lexiconPath: String? = nil,
        lexicon: LexiconWords = ConfigLoader.builtInLexicon, subscribersPath: String? = nil, subscribers: [Subscriber] = [], delivery: DeliveryConfig = DeliveryConfig(),
        email: EmailConfig? = nil, webhook: WebhookConfig = WebhookConfig(), probes: ProbesConfig = ProbesConfig(),
        metrics: MetricsConfig = MetricsConfig(), web: WebConfig = WebConfig()
    ) {
        self.configFile = configFile
        self.store = store
        self.catalogSource = catalogSource
        self.log = log
        self.poll = poll
        self.feeds = feeds
        self.catalog = catalog
        self.lexiconPath = lexiconPath
        self.lexicon = lexicon
        self.subscribersPath = subscribersPath
        self.subscribers = subscribers
        self.delivery = delivery
        self.email = email
        self.webhook = webhook
        self.probes = probes
        self.metrics = metrics
        self.web = web
    }

    /// The lexicon file in force (`[lexicon] path`, else lexicon.toml beside the config), or nil
    /// for the one built into the binary.
    public var lexiconPath: String?
    /// The words the classifier reads notices by.
    public var lexicon: LexiconWords

    /// Absolute path of the catalog file that was loaded, or nil for the built-in catalog.
    public var catalogPath: String? { catalogSource.path }

    /// Whether e-mail alerts can go anywhere: to the relay, or into the file sink.
    public var canDeliverEmail: Bool { email != nil || delivery.fileSink != nil }

    /// The feed with this id, if configured.
    public func feed(_ id: FeedID) -> FeedConfig? { feeds.first { $0.id == id } }
}
