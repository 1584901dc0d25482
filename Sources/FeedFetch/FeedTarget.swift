import Curl

/// Where a feed URL points, after the scheme policy has been applied. Deciding this before any
/// I/O is what makes "plain http to a remote host" fail without a single packet sent.
enum FeedTarget: Equatable {
    /// https, or http that passed the loopback/`allowInsecureHTTP` rule. `redirectProtocols` is
    /// what redirects may use: plain http stays allowed only where the origin was allowed it.
    case http(redirectProtocols: String)
    /// A local snapshot at this absolute path.
    case file(path: String)

    init(url: String, allowInsecureHTTP: Bool) throws(FeedFetchError) {
        let parsed: CurlURL
        do {
            parsed = try CurlURL(url)
        } catch {
            if case .invalidRequest(_, let reason) = error { throw .invalidURL(url: url, reason: reason) }
            throw .invalidURL(url: url, reason: error.description)
        }
        switch parsed.scheme {
        case "https":
            self = .http(redirectProtocols: allowInsecureHTTP ? "http,https" : "https")
        case "http":
            guard allowInsecureHTTP || parsed.isLoopback else { throw .insecureScheme(url: url) }
            self = .http(redirectProtocols: "http,https")
        case "file":
            guard parsed.host == nil || parsed.host?.lowercased() == "localhost" else {
                throw .invalidURL(url: url, reason: "file URLs must name a local path (file:///path)")
            }
            guard parsed.path.hasPrefix("/") else {
                throw .invalidURL(url: url, reason: "file URLs need an absolute path")
            }
            self = .file(path: parsed.path)
        default:
            throw .unsupportedScheme(url: url, scheme: parsed.scheme)
        }
    }
}
