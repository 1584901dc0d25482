import Testing
import VarselConfig
import VarselModel

/// `[[feeds]] format`: how a source is read, and the status-page rules for its url.
@Suite struct SourceFormatConfigTests {
    private func feeds(_ body: String) throws -> [FeedConfig] {
        try ConfigLoader.load(text: "[store]\npath = \"x.sqlite\"\n\n" + body, file: "varselvakt.toml", baseDirectory: "/srv")
            .feeds
    }

    @Test func feedWithoutFormatIsAuto() throws {
        #expect(try feeds("[[feeds]]\nurl = \"https://status.skatteetaten.no\"\n").map(\.format) == [.auto])
    }

    @Test(arguments: SourceFormat.allCases)
    func everyFormatWordIsAccepted(format: SourceFormat) throws {
        let loaded = try feeds("[[feeds]]\nurl = \"https://status.digdir.no\"\nformat = \"\(format.rawValue)\"\n")
        #expect(loaded.map(\.format) == [format])
    }

    @Test func unknownFormatIsRejectedAtItsLineWithTheAllowedValues() throws {
        let error = try #require(configError(minimalConfig + "format = \"json\"\n"))
        #expect(
            error
                == .invalidValue(
                    file: "varselvakt.toml", line: 6, key: "feeds[0].format",
                    problem: "\"json\" is not one of \"auto\", \"atom\", \"rss\", \"statuspage\""))
        // Case matters, as for every other word in the file; the message suggests the right one.
        let upper = try #require(configError(minimalConfig + "format = \"Atom\"\n"))
        #expect(upper.description.hasSuffix("did you mean \"atom\"?"))
    }

    @Test func formatOfTheWrongTypeIsAWrongTypeError() throws {
        let error = try #require(configError(minimalConfig + "format = 1\n"))
        #expect(
            error.description
                == "varselvakt.toml:6: feeds[0].format: expected one of \"auto\", \"atom\", \"rss\", \"statuspage\", found integer 1"
        )
    }

    @Test(arguments: [
        ("https://status.digdir.no/?component=maskinporten", "has a query"),
        ("https://status.digdir.no/#incidents", "has a fragment"),
    ])
    func statusPageURLWithQueryOrFragmentIsRejected(url: String, problem: String) throws {
        let text = "[store]\npath = \"x.sqlite\"\n\n[[feeds]]\nurl = \"\(url)\"\nformat = \"statuspage\"\n"
        let error = try #require(configError(text))
        #expect(error.line == 5)
        #expect(error.key == "feeds[0].url")
        #expect(error.description.contains(problem))
        #expect(error.description.contains("base URL"))
    }

    @Test func feedURLWithAQueryIsStillFineForAFeedFormat() throws {
        let loaded = try feeds("[[feeds]]\nurl = \"https://example.no/feed?format=atom\"\nformat = \"atom\"\n")
        #expect(loaded.map(\.url) == ["https://example.no/feed?format=atom"])
    }

    @Test func statusPageFollowsTheFeedSchemeRules() throws {
        // Loopback http and a local snapshot folder (path, relative to the config) are fine ...
        let loaded = try feeds(
            """
            [[feeds]]
            url = "http://127.0.0.1:8080"
            format = "statuspage"

            [[feeds]]
            path = "snapshots/digdir"
            format = "statuspage"
            """)
        #expect(loaded.map(\.url) == ["http://127.0.0.1:8080", "file:///srv/snapshots/digdir"])
        // ... plain http to a remote host is not, unless allowed.
        let remote = "[store]\npath = \"x.sqlite\"\n\n[[feeds]]\nurl = \"http://status.digdir.no\"\nformat = \"statuspage\"\n"
        #expect(configError(remote)?.description.contains("plain http to status.digdir.no is not allowed") == true)
        #expect(configError(remote + "allow_http = true\n") == nil)
    }

    @Test func checkConfigSummaryShowsEachFeedsFormat() throws {
        let config = try ConfigLoader.load(
            text: minimalConfig + "format = \"atom\"\n\n[[feeds]]\nurl = \"https://status.digdir.no\"\nformat = \"statuspage\"\n",
            file: "varselvakt.toml", baseDirectory: "/nonexistent-varselvakt-dir")
        let summary = config.summary()
        #expect(summary.contains("nyheter-og-driftsvarsler/atom.xml (format atom)"))
        #expect(summary.contains("  status-digdir-no: https://status.digdir.no (format statuspage)"))
    }
}
