/// One poll of one feed: where, what we already have, and how far we let the server push us.
public struct FeedRequest: Sendable, Hashable {
    /// `https://...`; `http://` only for loopback hosts or with ``FetchLimits/allowInsecureHTTP``;
    /// `file:///absolute/path` for a local snapshot.
    public var url: String
    /// From the previous successful fetch (``Validators/none`` on the first poll).
    public var validators: Validators
    public var limits: FetchLimits

    public init(url: String, validators: Validators = .none, limits: FetchLimits = FetchLimits()) {
        self.url = url
        self.validators = validators
        self.limits = limits
    }
}

/// Bounds for one fetch. The defaults suit the real Skatteetaten feeds (the largest, Folkeregisteret's
/// RSS, is ~400 KB) with a wide margin, while a hostile or broken server can cost at most
/// 5 MiB of memory and 30 s of a poll slot.
public struct FetchLimits: Sendable, Hashable {
    /// Largest decoded body accepted (bytes); more fails with ``FeedFetchError/tooLarge(url:limit:)``
    /// without buffering the rest. Applies to file:// snapshots too.
    public var maxBytes: Int
    /// DNS + TCP + TLS.
    public var connectTimeout: Duration
    /// The whole fetch including redirects; exceeding it gives ``FeedFetchError/timeout(url:seconds:)``.
    public var timeout: Duration
    /// Redirects followed at most; one more gives ``FeedFetchError/tooManyRedirects(url:max:)``.
    public var maxRedirects: Int
    /// Allow plain `http://` to hosts other than loopback (and redirects to plain http). Off by
    /// default: a notice feed read over plain http can be forged by anyone on the path.
    public var allowInsecureHTTP: Bool

    public init(
        maxBytes: Int = 5_242_880, connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(30),
        maxRedirects: Int = 5, allowInsecureHTTP: Bool = false
    ) {
        self.maxBytes = maxBytes
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxRedirects = maxRedirects
        self.allowInsecureHTTP = allowInsecureHTTP
    }
}
