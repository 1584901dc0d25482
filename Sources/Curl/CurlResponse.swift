public import Foundation

/// What came back from a completed transfer. A value: it is built on the curl thread and handed to
/// the waiting task, the easy handle is already gone.
///
/// Any status code is a response, not an error (a 500 or a 304 is data for the caller to judge);
/// only transport failures throw ``CurlError``.
public struct CurlResponse: Sendable {
    /// One response header line as received (name in the server's spelling, value trimmed by curl).
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The protocol's response code of the last request (HTTP status; the last SMTP reply, 250, for
    /// mail; 0 for file://).
    public var statusCode: Int
    /// The headers of the final response only (after redirects), in arrival order.
    public var headers: [Header]
    /// The decoded body (content encoding removed), at most the request's `maxResponseBytes`.
    public var body: [UInt8]
    /// The URL of the last request, after redirects.
    public var effectiveURL: String
    /// How many redirects were followed.
    public var redirectCount: Int
    /// Wall time of the whole transfer as measured by curl (queueing on the multi handle excluded).
    public var totalTime: Duration
    /// The phases of the transfer (DNS, connect, TLS, first byte, total) in seconds from its start.
    public var timings: CurlTimings
    /// The leaf certificate's notAfter, when ``CurlRequest/captureCertificate`` was set, the URL
    /// was https and this transfer made the connection; `nil` otherwise.
    public var certificateExpiresAt: Date?
    /// The body was cut at the request's `maxResponseBytes` (only with ``CurlRequest/truncateBody``).
    public var isTruncated: Bool

    public init(
        statusCode: Int, headers: [Header], body: [UInt8], effectiveURL: String,
        redirectCount: Int, totalTime: Duration, timings: CurlTimings = CurlTimings(),
        certificateExpiresAt: Date? = nil, isTruncated: Bool = false
    ) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
        self.effectiveURL = effectiveURL
        self.redirectCount = redirectCount
        self.totalTime = totalTime
        self.timings = timings
        self.certificateExpiresAt = certificateExpiresAt
        self.isTruncated = isTruncated
    }

    /// The first value of the header `name` (compared case-insensitively), or `nil`.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The entity tag, quotes included, exactly as the server sent it (it must be echoed verbatim).
    public var etag: String? { header("ETag") }
    public var lastModified: String? { header("Last-Modified") }
    /// The raw `Retry-After` value (delta-seconds or an HTTP-date); parsing is the caller's policy.
    public var retryAfter: String? { header("Retry-After") }
    public var contentType: String? { header("Content-Type") }
    /// Present on an unfollowed 3xx.
    public var location: String? { header("Location") }
}
