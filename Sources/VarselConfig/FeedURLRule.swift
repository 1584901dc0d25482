import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which feed URLs varselvakt accepts, and why the others are refused.
///
/// https everywhere; plain http only to a loopback host (127.0.0.0/8, ::1, localhost), where
/// nothing travels over a network, or when the operator says `allow_http = true` for that feed;
/// file:///absolute/path for replaying saved snapshots. Anything else (ftp, gopher, relative
/// URLs) is refused, because libcurl would otherwise happily fetch it.
enum FeedURLRule {
    /// nil when `text` is acceptable, else the problem in one sentence.
    static func problem(with text: String, allowHTTP: Bool) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
            return "\"\(text)\" is not an absolute URL; write e.g. \"https://example.no/feed.xml\""
        }
        let host = url.host.map(bareHost) ?? ""
        switch scheme {
        case "https":
            return host.isEmpty ? "\"\(text)\" has no host" : nil
        case "http":
            if host.isEmpty { return "\"\(text)\" has no host" }
            if isLoopback(host) || allowHTTP { return nil }
            return "plain http to \(host) is not allowed (notices could be altered in transit); "
                + "use https, or set allow_http = true for this feed"
        case "file":
            guard host.isEmpty || host.lowercased() == "localhost" else {
                return "\"\(text)\" names host \"\(host)\"; a file URL must be file:///absolute/path"
            }
            guard url.path.hasPrefix("/") else { return "a file URL must be file:///absolute/path" }
            return nil
        default:
            return "scheme \"\(scheme)\" is not supported; use https (http only to loopback or with "
                + "allow_http = true), or file:///absolute/path"
        }
    }

    /// nil when `text`, already accepted by `problem(with:allowHTTP:)`, can be a status page's
    /// base URL: varselvakt appends `/api/v2/incidents.json` and the like to it, so a query or
    /// fragment would end up in the middle of every request (or be dropped without a word).
    static func statusPageProblem(with text: String) -> String? {
        guard let url = URL(string: text) else { return nil }
        if url.query != nil || text.contains("?") {
            return "\"\(text)\" has a query; a status page's url is its base URL, e.g. \"https://status.digdir.no\""
        }
        if url.fragment != nil || text.contains("#") {
            return "\"\(text)\" has a fragment (#...); a status page's url is its base URL, e.g. \"https://status.digdir.no\""
        }
        return nil
    }

    /// Host without IPv6 brackets, as Foundation may or may not strip them.
    private static func bareHost(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// localhost, 127.0.0.0/8 and ::1 (in any spelling inet_pton accepts). Shorthand such as
    /// "127.1" is not recognised and so counts as a remote host: the safe direction.
    static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "localhost." { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { $0[0] } == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
        }
        return false
    }
}
