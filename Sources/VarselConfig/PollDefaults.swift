/// Polling settings every feed inherits unless it overrides them (`[poll]`).
public struct PollDefaults: Sendable, Hashable {
    /// Time between polls of one feed. At least 1s.
    public var interval: Duration
    /// Limit for a whole request (connect, redirects, body).
    public var timeout: Duration
    /// Limit for establishing the connection.
    public var connectTimeout: Duration
    /// Largest body accepted, in bytes (1 KiB...1 GiB); a larger feed is an error, not truncated.
    public var maxBytes: Int
    /// Redirects followed before giving up (0...20).
    public var maxRedirects: Int
    /// Consecutive successful polls a notice must be missing from its feed (while still inside the
    /// feed's window) before it counts as withdrawn. At least 1.
    public var withdrawAfterPolls: Int
    /// Upper bound of the back-off after failed polls.
    public var maxBackoff: Duration
    /// On a feed's first poll (empty store), entries newer than this are alerted; older ones are
    /// only recorded as baseline. Zero means alert nothing on the first poll.
    public var baselineAlertMaxAge: Duration
    /// More alerting changes than this in one poll of one source is an alert storm: all are
    /// stored, none sent to subscribers, KS support told once (`AlertStorm`). 1...100,000.
    public var stormThreshold: Int
    /// User-Agent override; nil means varselvakt's default (name, version, contact).
    public var userAgent: String?

    public init(
        interval: Duration = .seconds(300), timeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10),
        maxBytes: Int = 5 << 20, maxRedirects: Int = 5, withdrawAfterPolls: Int = 2, maxBackoff: Duration = .seconds(3600),
        baselineAlertMaxAge: Duration = .zero, stormThreshold: Int = 25, userAgent: String? = nil
    ) {
        self.interval = interval
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
        self.withdrawAfterPolls = withdrawAfterPolls
        self.maxBackoff = maxBackoff
        self.baselineAlertMaxAge = baselineAlertMaxAge
        self.stormThreshold = stormThreshold
        self.userAgent = userAgent
    }
}
