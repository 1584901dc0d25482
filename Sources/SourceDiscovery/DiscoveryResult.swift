public import VarselModel

/// What `sources discover` found: how to read a page, and where.
public struct DiscoveredSource: Sendable, Hashable, Codable {
    /// `.statuspage`, `.atom` or `.rss` (never `.auto`).
    public var format: SourceFormat
    /// The URL to put in the config: a Statuspage page's base URL (no `/api/v2/...`), or the
    /// feed's own URL.
    public var url: String
    /// A `[[feeds]]` name derived from the URL's host (the file's name for file://):
    /// a-z, 0-9 and '-' only, as the config requires.
    public var name: String
    /// Whether the config needs `allow_http = true` (plain http to a host other than loopback
    /// was allowed for this discovery, so it will be needed for polling too).
    public var needsAllowHTTP: Bool

    public init(format: SourceFormat, url: String, name: String, needsAllowHTTP: Bool = false) {
        self.format = format
        self.url = url
        self.name = name
        self.needsAllowHTTP = needsAllowHTTP
    }

    enum CodingKeys: String, CodingKey {
        case format, url, name
        case needsAllowHTTP = "needs_allow_http"
    }

    /// The `[[feeds]]` table to paste into varselvakt.toml, ending with a newline. Every value
    /// is a TOML basic string with quotes, backslashes and control characters escaped, so a
    /// hostile link cannot add keys of its own.
    public var pasteBlock: String {
        var lines = [
            "[[feeds]]",
            "name = \(TOMLString.quoted(name))",
            "url = \(TOMLString.quoted(url))",
            "format = \(TOMLString.quoted(format.rawValue))",
        ]
        if needsAllowHTTP { lines.append("allow_http = true") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One URL discovery fetched, and what came of it.
public struct DiscoveryAttempt: Sendable, Hashable, Codable {
    /// Which rule of the discovery order made the request.
    public enum Step: String, Sendable, Hashable, Codable {
        /// (0) the URL as given.
        case given
        /// (1) `<base>/api/v2/summary.json`.
        case statuspageAPI = "statuspage_api"
        /// (2) a `<link rel="alternate">` feed on the given page.
        case feedLink = "feed_link"
        /// (3) `<base>/history.atom` or `<base>/history.rss`.
        case historyFeed = "history_feed"
    }

    public var step: Step
    public var url: String
    /// One line: "HTTP status 404", "not a feed: root element is <html>", "HTML page, 2 feed
    /// links", "Statuspage API: page \"Skatteetaten\" (id abc)", a transport error. Text taken
    /// from the response (titles, names) is stripped of control characters and shortened.
    public var outcome: String
    /// Whether this attempt is the one that found the source (only the last one can be).
    public var isSuccess: Bool

    public init(step: Step, url: String, outcome: String, isSuccess: Bool) {
        self.step = step
        self.url = url
        self.outcome = outcome
        self.isSuccess = isSuccess
    }

    enum CodingKeys: String, CodingKey {
        case step, url, outcome
        case isSuccess = "is_success"
    }

    /// "`url`: `outcome`".
    public var line: String { "\(url): \(outcome)" }
}

/// The outcome of ``SourceDiscovery/discover(_:)``: the source found, if any, and every request
/// made on the way, in order.
public struct DiscoveryResult: Sendable, Hashable, Codable {
    /// The URL as given (after an `https://` was added to a bare host name).
    public var url: String
    public var found: DiscoveredSource?
    public var tried: [DiscoveryAttempt]

    public init(url: String, found: DiscoveredSource?, tried: [DiscoveryAttempt]) {
        self.url = url
        self.found = found
        self.tried = tried
    }

    /// One line for a log or a terminal: what was found and where, or that nothing was, listing
    /// every URL tried with its outcome.
    public var summary: String {
        if let found {
            return "\(url): found \(found.format.rawValue) at \(found.url)"
        }
        let attempts = tried.map { "\($0.url) (\($0.outcome))" }.joined(separator: "; ")
        return "\(url): no Statuspage API, Atom or RSS feed found; tried \(attempts)"
    }
}
