/// Why a poll produced no feed. Each case names the feed URL (or the file path) and reads as one
/// log line. ``isRetryable`` and ``retryAfter`` feed ``BackoffPolicy``.
public enum FeedFetchError: Error, CustomStringConvertible, Sendable, Hashable {
    /// Not an absolute URL curl can parse.
    case invalidURL(url: String, reason: String)
    /// Plain `http://` to a host that is not loopback, without `allowInsecureHTTP`. Refused before
    /// any connection is made.
    case insecureScheme(url: String)
    /// A scheme other than https, http, file.
    case unsupportedScheme(url: String, scheme: String)
    /// The server redirected to a scheme we do not follow (file://, ftp://, or https → http).
    case redirectRefused(url: String, message: String)
    /// A final status that is neither 2xx nor 304. `retryAfter` is the server's Retry-After in
    /// seconds (delta or HTTP-date, uncapped), if it sent a readable one.
    case httpStatus(url: String, status: Int, retryAfter: Int?)
    /// The body (or the snapshot file) exceeds the limit; nothing beyond it was buffered.
    case tooLarge(url: String, limit: Int)
    /// The fetch did not complete within the total timeout (or the connect timeout; curl reports both alike).
    case timeout(url: String, seconds: Double)
    /// More than `max` redirects, typically a loop.
    case tooManyRedirects(url: String, max: Int)
    /// DNS, connect, TLS, or a broken transfer, with libcurl's code and message.
    case transport(url: String, code: Int, message: String)
    /// A file:// snapshot could not be opened or read.
    case fileUnreadable(path: String, reason: String)
    /// The polling task was cancelled or the HTTP client shut down (daemon stopping): not a feed fault.
    case cancelled(url: String)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            "feed \(url): invalid URL: \(reason)"
        case .insecureScheme(let url):
            "feed \(url): plain http is only allowed to loopback hosts (use https or set allowInsecureHTTP)"
        case .unsupportedScheme(let url, let scheme):
            "feed \(url): unsupported scheme \"\(scheme)\" (use https, http to loopback, or file)"
        case .redirectRefused(let url, let message):
            "feed \(url): redirect to a disallowed scheme refused (\(message))"
        case .httpStatus(let url, let status, let retryAfter):
            "feed \(url): HTTP status \(status)" + (retryAfter.map { ", Retry-After \($0) s" } ?? "")
        case .tooLarge(let url, let limit):
            "feed \(url): body exceeds the limit of \(limit) bytes"
        case .timeout(let url, let seconds):
            "feed \(url): no complete response within \(Self.format(seconds)) s"
        case .tooManyRedirects(let url, let max):
            "feed \(url): more than \(max) redirects (redirect loop?)"
        case .transport(let url, let code, let message):
            "feed \(url): transport error (curl \(code)): \(message)"
        case .fileUnreadable(let path, let reason):
            "feed file \(path): unreadable: \(reason)"
        case .cancelled(let url):
            "feed \(url): fetch cancelled"
        }
    }

    /// The server's Retry-After as a duration, for ``BackoffPolicy``.
    public var retryAfter: Duration? {
        if case .httpStatus(_, _, let seconds?) = self { .seconds(seconds) } else { nil }
    }

    /// Whether trying again later, with nobody changing the configuration, can reasonably succeed:
    /// timeouts, transport errors, 408/425/429/5xx, and a missing snapshot file (it may be written
    /// soon). Invalid or insecure URLs, redirect loops, oversized bodies and other 4xx need an
    /// operator (they are still polled, at the backed-off pace; this flag is for alerting).
    public var isRetryable: Bool {
        switch self {
        case .httpStatus(_, let status, _):
            status == 408 || status == 425 || status == 429 || (500...599).contains(status)
        case .timeout, .transport, .fileUnreadable:
            true
        case .invalidURL, .insecureScheme, .unsupportedScheme, .redirectRefused, .tooLarge, .tooManyRedirects,
            .cancelled:
            false
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
