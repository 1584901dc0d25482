public import FeedFetch
import FeedParse
import VarselModel

/// Finds out how to read a page: a Statuspage API, an Atom or RSS feed the page links to, or a
/// Statuspage's `/history.atom` / `/history.rss`. Used by `varselvakt sources discover URL`
/// and for sources configured with `format = "auto"`.
///
/// The order (first success wins; every request is recorded in ``DiscoveryResult/tried``):
/// 0. The URL itself: a feed is read at that URL; Statuspage JSON (`summary.json`,
///    `incidents.json`, ...) means the page at its base; an HTML page is searched for
///    `<link rel="alternate">` Atom/RSS links.
/// 1. `<base>/api/v2/summary.json`: the JSON is the richest source (impact, components).
/// 2. The page's feed links, Atom before RSS, at most ``FeedLinkScanner/maxLinks``.
/// 3. `<base>/history.atom`, then `<base>/history.rss`.
///
/// `<base>` is the URL without query, trailing slash, `/history.atom|rss` or `/api/v2/...json`.
/// A URL already fetched is not fetched again. Every fetch goes through the ``FeedFetcher``
/// with the given ``FetchLimits`` (scheme policy, redirects, size, timeouts), so discovery can
/// do nothing a poll could not; a failed request never stops discovery. At most 14 requests.
public struct SourceDiscovery: Sendable {
    private let fetcher: FeedFetcher
    private let limits: FetchLimits
    private let parser = FeedParser()

    public init(fetcher: FeedFetcher, limits: FetchLimits = FetchLimits()) {
        self.fetcher = fetcher
        self.limits = limits
    }

    /// Runs the discovery order for `url` (a bare host name gets `https://`). Never throws: a
    /// failure is a result without ``DiscoveryResult/found``, whose ``DiscoveryResult/summary``
    /// says what was tried. Cancellation shows as a cancelled attempt.
    public func discover(_ url: String) async -> DiscoveryResult {
        var run = Run(url: SiteURL.normalised(url))
        let base = SiteURL.base(of: run.url)

        var links: [FeedLink] = []
        if let response = await run.fetch(run.url, step: .given, fetcher: fetcher, limits: limits) {
            if let feed = try? parser.parse(response.body, source: run.url) {
                return run.finish(.given, feedOutcome(feed), found: source(feed.format.sourceFormat, run.url))
            }
            if let page = StatuspagePage.read(response.body) {
                return run.finish(.given, page.outcome, found: source(.statuspage, base))
            }
            if FeedLinkScanner.looksLikeHTML(response.body, contentType: response.contentType) {
                let scan = FeedLinkScanner.scan(response.body, pageURL: response.finalURL)
                links = scan.links
                run.record(.given, htmlOutcome(scan))
            } else {
                run.record(.given, notAFeed(response.body, source: run.url))
            }
        }

        let summaryURL = base + "/api/v2/summary.json"
        if let response = await run.fetch(summaryURL, step: .statuspageAPI, fetcher: fetcher, limits: limits) {
            if let page = StatuspagePage.read(response.body) {
                return run.finish(.statuspageAPI, page.outcome, found: source(.statuspage, base))
            }
            run.record(.statuspageAPI, "not Statuspage JSON (no \"page\" object with an id)")
        }

        let feeds =
            links.map { (url: $0.url, step: DiscoveryAttempt.Step.feedLink) }
            + [(base + "/history.atom", .historyFeed), (base + "/history.rss", .historyFeed)]
        for candidate in feeds {
            guard let response = await run.fetch(candidate.url, step: candidate.step, fetcher: fetcher, limits: limits)
            else { continue }
            do throws(FeedParseError) {
                let feed = try parser.parse(response.body, source: candidate.url)
                return run.finish(candidate.step, feedOutcome(feed), found: source(feed.format.sourceFormat, candidate.url))
            } catch {
                run.record(candidate.step, "not a feed: \(Self.reason(error))")
            }
        }
        return run.result(found: nil)
    }

    private func source(_ format: SourceFormat, _ url: String) -> DiscoveredSource {
        DiscoveredSource(
            format: format, url: url, name: SiteURL.feedName(for: url),
            needsAllowHTTP: limits.allowInsecureHTTP && SiteURL.scheme(of: url) == "http")
    }

    private func feedOutcome(_ feed: ParsedFeed) -> String {
        let kind = feed.format == .atom ? "Atom" : "RSS"
        return "\(kind) feed \"\(feed.title.displaySafe(limit: 60))\", \(feed.entries.count) entries"
    }

    private func htmlOutcome(_ scan: FeedLinkScanner.Scan) -> String {
        let count = scan.links.count
        var text = "HTML page, \(count) feed link" + (count == 1 ? "" : "s")
        if scan.ignored > 0 { text += " (\(scan.ignored) ignored: scheme not allowed or bad characters)" }
        return text
    }

    private func notAFeed(_ body: [UInt8], source: String) -> String {
        do throws(FeedParseError) {
            _ = try parser.parse(body, source: source)
            return "not a feed"
        } catch {
            return "not a feed: \(Self.reason(error))"
        }
    }

    /// A parse error without the "feed URL: not a feed:" prefix its description carries (the
    /// attempt line already names the URL).
    static func reason(_ error: FeedParseError) -> String {
        switch error {
        case .empty: "the document is empty"
        case .malformed(_, let line, let message): "malformed XML at line \(line): \(message.displaySafe(limit: 100))"
        case .notAFeed(_, let root): "root element is <\(root.displaySafe(limit: 40))>"
        case .entityLoop(_, let line): "entity reference loop at line \(line)"
        case .tooLarge(_, _, let element, let limit): "<\(element)> is larger than \(limit) bytes"
        }
    }
}

extension FeedFormat {
    var sourceFormat: SourceFormat {
        switch self {
        case .atom: .atom
        case .rss: .rss
        }
    }
}
