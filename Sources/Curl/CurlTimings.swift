/// Where the time of one transfer went, as libcurl measured it: each value is seconds from the
/// start of the transfer to the end of that phase (curl's `*_TIME_T` timers, so they accumulate:
/// `nameLookup <= connect <= appConnect <= startTransfer <= total` for the phases that happened).
///
/// A phase that did not happen reads 0: `appConnect` for plain http, everything after the
/// failing phase when a transfer fails (a refused connection has `connect == 0`).
public struct CurlTimings: Sendable, Hashable {
    /// DNS done (`CURLINFO_NAMELOOKUP_TIME_T`); near 0 for a literal IP.
    public var nameLookup: Double
    /// TCP connected (`CURLINFO_CONNECT_TIME_T`).
    public var connect: Double
    /// TLS handshake done (`CURLINFO_APPCONNECT_TIME_T`); 0 for http.
    public var appConnect: Double
    /// First response byte received (`CURLINFO_STARTTRANSFER_TIME_T`).
    public var startTransfer: Double
    /// Whole transfer (`CURLINFO_TOTAL_TIME_T`).
    public var total: Double

    public init(nameLookup: Double = 0, connect: Double = 0, appConnect: Double = 0, startTransfer: Double = 0, total: Double = 0)
    {
        self.nameLookup = nameLookup
        self.connect = connect
        self.appConnect = appConnect
        self.startTransfer = startTransfer
        self.total = total
    }
}
