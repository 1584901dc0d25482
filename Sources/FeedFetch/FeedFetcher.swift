public import Curl
import Foundation
import VarselModel

/// Conditional GET of one feed: the only way varselvakt reads a feed.
///
/// Rules it enforces, and why:
/// - https for remote feeds; plain http only to loopback or with `allowInsecureHTTP` (a forged
///   notice feed would alert 357 municipalities), checked before any connection.
/// - Redirects: at most `maxRedirects`, only to http(s), and never from https down to http.
/// - The stored validators go out as `If-None-Match` / `If-Modified-Since`; a 304 returns
///   ``FetchResult/notModified(_:)`` so the caller skips parsing and diffing altogether.
/// - The body is bounded by `maxBytes` while it arrives (after gzip/deflate decoding, so a
///   compression bomb is stopped too).
/// - file:// snapshots are read directly, with a synthetic validator (see ``LocalSnapshot``).
///
/// The fetcher is a value holding a shared ``CurlClient``; it keeps no per-feed state (the caller
/// stores the validators and the failure count).
public struct FeedFetcher: Sendable {
    /// `varselvakt/<version> (+https://github.com/ks-no/varselvakt)`: names us and a contact to
    /// the feed's operator.
    public static let defaultUserAgent = "varselvakt/\(VarselvaktVersion.string) (+https://github.com/ks-no/varselvakt)"

    /// What we can read, best first; servers that ignore it are fine (the parser sniffs).
    static let accept = "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

    private let client: CurlClient
    private let userAgent: String

    public init(client: CurlClient, userAgent: String = FeedFetcher.defaultUserAgent) {
        self.client = client
        self.userAgent = userAgent
    }

    /// Fetches `request.url` once.
    /// - Returns: `.notModified` (304 or unchanged snapshot) or `.modified` with the body.
    /// - Throws: ``FeedFetchError``; every case names the URL. Task cancellation gives `.cancelled`.
    public func fetch(_ request: FeedRequest) async throws(FeedFetchError) -> FetchResult {
        switch try FeedTarget(url: request.url, allowInsecureHTTP: request.limits.allowInsecureHTTP) {
        case .file(let path):
            return try LocalSnapshot.fetch(
                path: path, url: request.url, validators: request.validators, maxBytes: request.limits.maxBytes)
        case .http(let redirectProtocols):
            return try await fetchHTTP(request, redirectProtocols: redirectProtocols)
        }
    }

    private func fetchHTTP(_ request: FeedRequest, redirectProtocols: String) async throws(FeedFetchError) -> FetchResult {
        let limits = request.limits
        var curlRequest = CurlRequest(url: request.url)
        curlRequest.userAgent = userAgent
        curlRequest.headers = [("Accept", Self.accept)]
        if let etag = request.validators.etag { curlRequest.headers.append(("If-None-Match", etag)) }
        if let lastModified = request.validators.lastModified {
            curlRequest.headers.append(("If-Modified-Since", lastModified))
        }
        curlRequest.acceptEncoding = ""  // everything this libcurl decodes: gzip, deflate, br, zstd
        curlRequest.followRedirects = true
        curlRequest.maxRedirects = limits.maxRedirects
        curlRequest.maxResponseBytes = limits.maxBytes
        curlRequest.connectTimeout = limits.connectTimeout
        curlRequest.totalTimeout = limits.timeout
        curlRequest.allowedProtocols = "http,https"
        curlRequest.allowedRedirectProtocols = redirectProtocols

        let response: CurlResponse
        do {
            response = try await client.perform(curlRequest)
        } catch let error as CurlError {
            throw Self.map(error, limits: limits)
        } catch {
            throw .cancelled(url: request.url)  // CancellationError is the only other error perform throws
        }
        return try Self.result(of: response, for: request)
    }

    static func result(of response: CurlResponse, for request: FeedRequest) throws(FeedFetchError) -> FetchResult {
        switch response.statusCode {
        case 304:
            // A 304 may omit the validators; then the ones we sent are still the right ones.
            return .notModified(
                Validators(
                    etag: response.etag ?? request.validators.etag,
                    lastModified: response.lastModified ?? request.validators.lastModified))
        case 200...299:
            return .modified(
                FetchedFeed(
                    body: response.body,
                    validators: Validators(etag: response.etag, lastModified: response.lastModified),
                    contentType: response.contentType, finalURL: response.effectiveURL, status: response.statusCode))
        default:
            let retryAfter = response.retryAfter.flatMap { RetryAfter.seconds($0, now: Date()) }
            throw .httpStatus(url: request.url, status: response.statusCode, retryAfter: retryAfter)
        }
    }

    static func map(_ error: CurlError, limits: FetchLimits) -> FeedFetchError {
        switch error {
        case .timeout(let url, _, _):
            return .timeout(url: url, seconds: limits.timeout.seconds)
        case .tooManyRedirects(let url, _, _):
            return .tooManyRedirects(url: url, max: limits.maxRedirects)
        case .bodyTooLarge(let url, let limit):
            return .tooLarge(url: url, limit: limit)
        case .protocolRefused(let url, _, let message):
            // The start URL was vetted by FeedTarget, so a refused protocol came from a redirect.
            return .redirectRefused(url: url, message: message)
        case .couldNotResolve(let url, let code, let message), .couldNotConnect(let url, let code, let message),
            .tls(let url, let code, let message), .transfer(let url, let code, let message):
            return .transport(url: url, code: code, message: message)
        case .invalidRequest(let url, let reason):
            return .invalidURL(url: url, reason: reason)
        case .shutDown(let url):
            return .cancelled(url: url)
        case .addressRefused(let url, let address, let reason):
            // Feeds set no address filter today; should one be added, this is what it reports.
            return .transport(url: url, code: 0, message: "connection to \(address) refused (\(reason))")
        }
    }
}
