public import VarselModel

/// One feed to poll (`[[feeds]]`), with the `[poll]` defaults already applied, so the poller
/// never has to merge settings itself.
public struct FeedConfig: Sendable, Hashable {
    /// The feed's `name`, or one derived from its URL's host and path; unique in the config.
    public var id: FeedID
    /// https URL; http only to a loopback host or with `allowHTTP`; or a file:///absolute/path.
    /// For a `.statuspage` source it is the page's base URL (no query, no fragment), or a
    /// file:///dir holding a snapshot of its API documents.
    public var url: String
    /// How the source is read (`format`): a feed, a status page's API, or found out at start-up.
    public var format: SourceFormat
    /// Catalog API ids this feed concerns when a notice names no API, in the order written.
    public var apis: [String]
    /// Whether plain http to a non-loopback host was explicitly allowed.
    public var allowHTTP: Bool
    public var interval: Duration
    public var timeout: Duration
    public var connectTimeout: Duration
    public var maxBytes: Int
    public var maxRedirects: Int
    public var withdrawAfterPolls: Int
    public var baselineAlertMaxAge: Duration
    /// See `PollDefaults.stormThreshold`.
    public var stormThreshold: Int

    /// A feed with the given settings; any setting left out takes `defaults`' value.
    public init(
        id: FeedID, url: String, format: SourceFormat = .auto, apis: [String] = [], allowHTTP: Bool = false,
        defaults: PollDefaults = PollDefaults(),
        interval: Duration? = nil, timeout: Duration? = nil, connectTimeout: Duration? = nil, maxBytes: Int? = nil,
        maxRedirects: Int? = nil, withdrawAfterPolls: Int? = nil, baselineAlertMaxAge: Duration? = nil,
        stormThreshold: Int? = nil
    ) {
        self.id = id
        self.url = url
        self.format = format
        self.apis = apis
        self.allowHTTP = allowHTTP
        self.interval = interval ?? defaults.interval
        self.timeout = timeout ?? defaults.timeout
        self.connectTimeout = connectTimeout ?? defaults.connectTimeout
        self.maxBytes = maxBytes ?? defaults.maxBytes
        self.maxRedirects = maxRedirects ?? defaults.maxRedirects
        self.withdrawAfterPolls = withdrawAfterPolls ?? defaults.withdrawAfterPolls
        self.baselineAlertMaxAge = baselineAlertMaxAge ?? defaults.baselineAlertMaxAge
        self.stormThreshold = stormThreshold ?? defaults.stormThreshold
    }
}
