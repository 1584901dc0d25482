import History
import ArgumentParser
import Curl
import FeedFetch
import SourceDiscovery
import VarselApp
import VarselModel

/// `varselvakt sources discover URL`: how to read a page (Statuspage API, a linked feed,
/// /history.atom or .rss), printed as the `[[feeds]]` block to paste. Needs no config file.
/// Exits 1 when nothing readable was found.
struct SourcesDiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Try a URL as a feed, a Statuspage API, and the feeds its page links to; print the config to paste.")

    @Argument(help: "The status page or feed (https://..., or file:///path for a snapshot; a bare host gets https://).")
    var url: String

    @Flag(name: .long, help: "Allow plain http to hosts other than loopback (as the feed's allow_http would).")
    var allowHTTP = false

    @Flag(name: .long, help: "Print a JSON object (snake_case keys).") var json = false

    func run() async throws {
        // The same client and fetcher a poll uses (Runtime builds them alike), so discovery
        // obeys the same scheme, redirect and size rules.
        let fetcher = FeedFetcher(client: CurlClient(maxTotalConnections: 2))
        let discovery = SourceDiscovery(fetcher: fetcher, limits: FetchLimits(allowInsecureHTTP: allowHTTP))
        let result = await discovery.discover(url)
        if json {
            print(try OutputJSON.encode(DiscoveryJSON(result)))
        } else {
            for attempt in result.tried {
                print("\(attempt.isSuccess ? "found" : "tried") \(attempt.line)")
            }
            if let found = result.found {
                print("\n# \(found.format.rawValue) source; paste into varselvakt.toml:\n" + found.pasteBlock, terminator: "")
            }
        }
        guard result.found != nil else {
            printError(result.summary)
            throw ExitCode(1)
        }
    }
}

/// `sources discover --json`: the result plus the block to paste.
private struct DiscoveryJSON: Encodable {
    var url: String
    var found: DiscoveredSource?
    var pasteBlock: String?
    var tried: [DiscoveryAttempt]
    var summary: String

    init(_ result: DiscoveryResult) {
        url = result.url
        found = result.found
        pasteBlock = result.found?.pasteBlock
        tried = result.tried
        summary = result.summary
    }

    enum CodingKeys: String, CodingKey {
        case url, found, tried, summary
        case pasteBlock = "paste_block"
    }
}
