import Foundation
import Testing
import VarselConfig
import VarselModel

@Suite struct ConfigLoaderTests {
    @Test func minimalConfigLoadsWithDefaults() throws {
        let config = try ConfigLoader.load(text: minimalConfig, file: "varselvakt.toml", baseDirectory: "/etc/varselvakt")
        #expect(config.store.path == "/etc/varselvakt/var/varselvakt.sqlite")
        #expect(config.catalogPath == nil)
        #expect(config.catalog == Catalog(apis: []))
        #expect(config.log == LogConfig(level: .info, format: .text))
        #expect(config.poll == PollDefaults())
        let feed = try #require(config.feeds.first)
        #expect(config.feeds.count == 1)
        #expect(feed.id == FeedID("skatteetaten-github-io-api-dokumentasjon-nyheter-og-driftsvarsler-atom-xml"))
        #expect(feed.interval == .seconds(300))
        #expect(feed.timeout == .seconds(30))
        #expect(feed.connectTimeout == .seconds(10))
        #expect(feed.maxBytes == 5 * 1024 * 1024)
        #expect(feed.maxRedirects == 5)
        #expect(feed.withdrawAfterPolls == 2)
        #expect(feed.baselineAlertMaxAge == .zero)
        #expect(feed.apis.isEmpty)
        #expect(!feed.allowHTTP)
    }

    @Test func exampleConfigLoadsWithItsDocumentedValues() throws {
        let example = repositoryRoot().appendingPathComponent("config/varselvakt.example.toml").path
        let text = try String(contentsOfFile: example, encoding: .utf8)
        // The example names catalog.toml next to itself; give it a small one in a temp dir, so the
        // test does not depend on the real catalog's contents.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("catalog.toml", "[[apis]]\nid = \"folkeregisteret\"\nname = \"Folkeregisteret\"\n")

        let config = try ConfigLoader.load(text: text, file: "varselvakt.example.toml", baseDirectory: directory.path)
        #expect(config.store.path == "/var/lib/varselvakt/varselvakt.sqlite")
        #expect(config.catalogPath == directory.path + "/catalog.toml")
        #expect(config.poll.maxBackoff == .seconds(3600))
        #expect(config.feeds.map(\.id) == [FeedID("api-dokumentasjon"), FeedID("folkeregisteret")])
        #expect(config.feeds[1].apis == ["folkeregisteret"])
        #expect(config.feeds[1].interval == .seconds(900))
        #expect(config.feeds[1].maxBytes == 10 * 1024 * 1024)
        #expect(config.feeds[1].timeout == .seconds(30))
    }

    @Test func loadFromPathResolvesStoreAndCatalogAgainstTheConfigDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("catalog.toml", "[[apis]]\nid = \"inntekt\"\nname = \"Inntekt API\"\n")
        let file = try directory.write("varselvakt.toml", minimalConfig + "apis = [\"inntekt\"]\n")

        let config = try ConfigLoader.load(path: file)
        #expect(config.configFile == file)
        #expect(config.store.path == directory.path + "/var/varselvakt.sqlite")
        #expect(config.catalogPath == directory.path + "/catalog.toml")
        #expect(config.catalog.apis.map(\.id) == ["inntekt"])
        #expect(config.feeds[0].apis == ["inntekt"])
    }

    @Test func explicitCatalogPathThatDoesNotExistIsAnError() {
        let error = configError(minimalConfig + "\n[catalog]\npath = \"missing.toml\"\n", baseDirectory: "/tmp/no-such-dir-x")
        #expect(error == .fileUnreadable(file: "/tmp/no-such-dir-x/missing.toml", reason: "no such file"))
    }

    @Test func missingConfigFileIsUnreadable() {
        #expect(throws: ConfigError.fileUnreadable(file: "/nonexistent/varselvakt.toml", reason: "no such file")) {
            try ConfigLoader.load(path: "/nonexistent/varselvakt.toml")
        }
    }

    @Test func pollDefaultsApplyToFeedsAndFeedsOverrideThem() throws {
        let text = """
            [store]
            path = "/var/lib/varselvakt/db.sqlite"
            [poll]
            interval = "1h30m"
            timeout = "500ms"
            max_bytes = 2048
            withdraw_after_polls = 3
            baseline_alert_max_age = "2d"
            user_agent = "varselvakt-test"
            [[feeds]]
            url = "https://a.example/feed.xml"
            name = "a"
            [[feeds]]
            url = "https://b.example/feed.xml"
            name = "b"
            interval = "90s"
            max_bytes = "512KiB"
            max_redirects = 0
            """
        let config = try ConfigLoader.load(text: text, file: "varselvakt.toml", baseDirectory: "/")
        #expect(config.store.path == "/var/lib/varselvakt/db.sqlite")
        #expect(config.poll.userAgent == "varselvakt-test")
        let a = config.feeds[0], b = config.feeds[1]
        #expect(a.interval == .seconds(5400))
        #expect(a.timeout == .milliseconds(500))
        #expect(a.maxBytes == 2048)
        #expect(a.withdrawAfterPolls == 3)
        #expect(a.baselineAlertMaxAge == .seconds(2 * 86400))
        #expect(b.interval == .seconds(90))
        #expect(b.maxBytes == 512 * 1024)
        #expect(b.maxRedirects == 0)
        #expect(b.timeout == .milliseconds(500))
    }

    @Test func summaryShowsEffectiveFeedSettings() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("catalog.toml", "[[apis]]\nid = \"inntekt\"\nname = \"Inntekt API\"\n")
        let text = minimalConfig + "name = \"api\"\napis = [\"inntekt\"]\ninterval = \"1h30m\"\n"
        let summary = try ConfigLoader.load(text: text, file: "v.toml", baseDirectory: directory.path).summary()
        #expect(summary.contains("Store: \(directory.path)/var/varselvakt.sqlite"))
        #expect(summary.contains("Catalog: \(directory.path)/catalog.toml (1 APIs, 0 services)"))
        #expect(summary.contains("  api: https://skatteetaten.github.io/"))
        #expect(summary.contains("every 1h30m, timeout 30s (connect 10s), at most 5MiB, 5 redirects"))
        #expect(summary.contains("APIs when a notice names none: inntekt (Inntekt API)"))
    }
}
