import Foundation
import Testing
import VarselConfig

/// Every rejection names the file, the line and the key; these pin the exact values.
@Suite struct ConfigErrorTests {
    @Test func unknownTopLevelKeyNamesFileLineAndKey() throws {
        let error = try #require(configError(minimalConfig + "\n[pol]\ninterval = \"5m\"\n"))
        guard case .unknownKey(let file, let line, let key, let suggestion, let allowed) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(file == "varselvakt.toml")
        #expect(line == 7)
        #expect(key == "pol")
        #expect(suggestion == "poll")
        #expect(allowed == ["store", "catalog", "lexicon", "log", "poll", "feeds", "subscribers", "delivery", "email", "webhook", "probes", "metrics", "web"])
        #expect(error.description.hasPrefix("varselvakt.toml:7: pol: unknown key; did you mean \"poll\"?"))
    }

    @Test func unknownKeyInPollNamesItsLine() throws {
        let text = """
            [store]
            path = "db.sqlite"

            [poll]
            interval = "5m"
            # a comment with [brackets] and key = "value"
            max_byte = "5MiB"

            [[feeds]]
            url = "https://example.no/feed.xml"
            """
        let error = try #require(configError(text))
        #expect(error.line == 7)
        #expect(error.key == "poll.max_byte")
        guard case .unknownKey(_, _, _, let suggestion, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(suggestion == "max_bytes")
    }

    @Test func unknownKeyInSecondFeedNamesIndexAndLine() throws {
        let text = """
            [store]
            path = "db.sqlite"
            [[feeds]]
            url = "https://a.example/feed.xml"
            [[feeds]]
            url = "https://b.example/feed.xml"
            intervall = "10m"
            """
        let error = try #require(configError(text))
        #expect(
            error.description
                == "varselvakt.toml:7: feeds[1].intervall: unknown key; did you mean \"interval\"? (allowed here: url, "
                + "path, allow_http, format, name, apis, interval, timeout, connect_timeout, max_bytes, max_redirects, "
                + "withdraw_after_polls, baseline_alert_max_age, storm_threshold)")
    }

    /// toml++ keeps a table's keys sorted; the report follows the file instead.
    @Test func firstUnknownKeyInTheFileIsReportedFirst() throws {
        let text = """
            [store]
            path = "db.sqlite"
            [[feeds]]
            url = "https://a.example/feed.xml"
            zzz = 1
            aaa = 2
            """
        let error = try #require(configError(text))
        #expect(error.key == "feeds[0].zzz")
        #expect(error.line == 5)
    }

    @Test func misspeltRequiredKeyIsReportedAsTheTypoNotAsMissing() throws {
        let error = try #require(configError("[store]\npth = \"db.sqlite\"\n[[feeds]]\nurl = \"https://a.example/\"\n"))
        #expect(error.key == "store.pth")
        #expect(error.line == 2)
        guard case .unknownKey(_, _, _, let suggestion, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(suggestion == "path")
    }

    @Test func wrongTypeNamesLineAndExpectedType() throws {
        let text = minimalConfig + "interval = 60\n"
        let error = try #require(configError(text))
        #expect(
            error
                == .wrongType(
                    file: "varselvakt.toml", line: 6, key: "feeds[0].interval", expected: "a duration like \"60s\"",
                    found: "integer 60"))
        #expect(error.description == "varselvakt.toml:6: feeds[0].interval: expected a duration like \"60s\", found integer 60")
    }

    @Test func wrongTypeForATableAndForAnArrayElement() throws {
        let poll = try #require(configError(minimalConfig.replacingOccurrences(of: "[store]", with: "poll = 5\n[store]")))
        #expect(
            poll == .wrongType(file: "varselvakt.toml", line: 1, key: "poll", expected: "a table ([poll])", found: "integer 5"))
        let apis = try #require(configError(minimalConfig + "apis = [\n  \"inntekt\",\n  42,\n]\n"))
        #expect(
            apis
                == .wrongType(
                    file: "varselvakt.toml", line: 8, key: "feeds[0].apis[1]", expected: "a string", found: "integer 42"))
    }

    @Test func missingStoreAndMissingFeedsAreNamed() throws {
        let noStore = try #require(configError("[[feeds]]\nurl = \"https://a.example/\"\n"))
        #expect(noStore.key == "store")
        guard case .missingKey = noStore else { Issue.record("unexpected \(noStore)"); return }
        let noFeeds = try #require(configError("[store]\npath = \"x.sqlite\"\n"))
        #expect(noFeeds.key == "feeds")
        #expect(noFeeds.description.contains("at least one [[feeds]] table"))
        let noURL = try #require(configError("[store]\npath = \"x.sqlite\"\n[[feeds]]\nname = \"a\"\n"))
        #expect(
            noURL
                == .missingKey(
                    file: "varselvakt.toml", line: 3, key: "feeds[0].url",
                    expected: "a string: the feed's https URL (or path = \"local/file.xml\")"))
    }

    @Test(arguments: ["5 minutes", "5", "1.5s", "5M", "-5s", ""])
    func badDurationIsAnInvalidValueWithTheSyntax(value: String) throws {
        let error = try #require(configError(minimalConfig + "timeout = \"\(value)\"\n"))
        #expect(error.key == "feeds[0].timeout")
        #expect(error.line == 6)
        #expect(error.description.contains("is not a duration; write e.g. \"500ms\", \"60s\""))
    }

    @Test func durationsBelowTheMinimumAreRejected() throws {
        let error = try #require(configError(minimalConfig + "interval = \"500ms\"\n"))
        #expect(
            error
                == .invalidValue(
                    file: "varselvakt.toml", line: 6, key: "feeds[0].interval",
                    problem: "\"500ms\" is too short; the minimum is 1s"))
        let zero = try #require(configError(minimalConfig + "timeout = \"0s\"\n"))
        #expect(zero.key == "feeds[0].timeout")
    }

    @Test(arguments: ["5MB", "lots", "5 GB", "1.5MiB"])
    func badSizeIsAnInvalidValue(value: String) throws {
        let error = try #require(configError("[poll]\nmax_bytes = \"\(value)\"\n" + minimalConfig))
        #expect(error.key == "poll.max_bytes")
        #expect(error.line == 2)
        #expect(error.description.contains("is not a size"))
    }

    @Test func sizeOutOfRangeAndSizeOfWrongTypeAreRejected() throws {
        let tooBig = try #require(configError(minimalConfig + "max_bytes = \"2GiB\"\n"))
        #expect(
            tooBig
                == .invalidValue(
                    file: "varselvakt.toml", line: 6, key: "feeds[0].max_bytes",
                    problem: "2GiB is out of range; allowed 1KiB...1GiB"))
        let tooSmall = try #require(configError(minimalConfig + "max_bytes = 100\n"))
        #expect(tooSmall.key == "feeds[0].max_bytes")
        let wrongType = try #require(configError(minimalConfig + "max_bytes = true\n"))
        #expect(
            wrongType
                == .wrongType(
                    file: "varselvakt.toml", line: 6, key: "feeds[0].max_bytes",
                    expected: "a size like \"5MiB\" or an integer number of bytes", found: "boolean true"))
    }

    @Test func otherOutOfRangeValuesAreRejected() throws {
        #expect(configError(minimalConfig + "withdraw_after_polls = 0\n")?.key == "feeds[0].withdraw_after_polls")
        #expect(configError(minimalConfig + "max_redirects = 21\n")?.key == "feeds[0].max_redirects")
        #expect(configError("[log]\nlevel = \"verbose\"\n" + minimalConfig)?.key == "log.level")
        #expect(configError("[log]\nformat = \"json\"\n" + minimalConfig)?.key == "log.format")
        #expect(configError("[poll]\nuser_agent = \"a\\r\\nX-Evil: 1\"\n" + minimalConfig)?.key == "poll.user_agent")
        #expect(configError(minimalConfig + "name = \"Skatteetaten API\"\n")?.key == "feeds[0].name")
    }

    @Test func syntaxErrorGivesLineAndColumn() throws {
        let error = try #require(configError("[store]\npath = \"db.sqlite\"\n\n[[feeds]]\nurl = https://example.no\n"))
        guard case .syntax(let file, let line, let column, let message) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(file == "varselvakt.toml")
        #expect(line == 5)
        #expect(column == 7)
        #expect(!message.isEmpty)
        #expect(error.description.hasPrefix("varselvakt.toml:5:7: TOML syntax error: "))
    }

    @Test func duplicateKeyIsASyntaxErrorOnItsLine() throws {
        let error = try #require(configError("[store]\npath = \"a\"\npath = \"b\"\n"))
        #expect(error.line == 3)
    }

    @Test func duplicateFeedNamesAndURLsAreRejected() throws {
        let names = """
            [store]
            path = "db.sqlite"
            [[feeds]]
            url = "https://a.example/feed.xml"
            name = "api"
            [[feeds]]
            url = "https://b.example/feed.xml"
            name = "api"
            """
        #expect(
            configError(names) == .duplicate(file: "varselvakt.toml", line: 8, key: "feeds[1].name", value: "api", firstLine: 5))
        let urls = """
            [store]
            path = "db.sqlite"
            [[feeds]]
            url = "https://a.example/feed.xml"
            name = "one"
            [[feeds]]
            name = "two"
            url = "https://a.example/feed.xml"
            """
        #expect(
            configError(urls)
                == .duplicate(
                    file: "varselvakt.toml", line: 8, key: "feeds[1].url", value: "https://a.example/feed.xml", firstLine: 4))
        // Two URLs that derive the same name collide on the name, reported at the second feed.
        let derived =
            "[store]\npath = \"db\"\n[[feeds]]\nurl = \"https://a.example/feed\"\n[[feeds]]\nurl = \"https://a.example/feed?x=1\"\n"
        #expect(
            configError(derived)
                == .duplicate(file: "varselvakt.toml", line: 5, key: "feeds[1].name", value: "a-example-feed", firstLine: 3))
    }

    @Test func feedAPINamingNoCatalogAPIIsAnUnknownReference() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("catalog.toml", "[[apis]]\nid = \"folkeregisteret\"\nname = \"Folkeregisteret\"\n")
        let text = minimalConfig + "apis = [\n  \"folkeregisteret\",\n  \"folkregisteret\",\n]\n"
        let error = configError(text, baseDirectory: directory.path)
        #expect(
            error
                == .unknownReference(
                    file: "varselvakt.toml", line: 8, key: "feeds[0].apis", value: "folkregisteret", suggestion: "folkeregisteret"
                ))
        // Without a catalog file, references are checked against the built-in catalog.
        #expect(configError(minimalConfig + "apis = [\"inntekt\"]\n") == nil)
        #expect(
            configError(minimalConfig + "apis = [\"inntekts\"]\n")
                == .unknownReference(
                    file: "varselvakt.toml", line: 6, key: "feeds[0].apis", value: "inntekts", suggestion: "inntekt"))
    }
}
