import Foundation
import Testing
import VarselConfig
import VarselModel

@Suite struct ConfigLoaderTests {
    @Test func minimalConfigLoadsWithDefaults() throws {
        let config = try ConfigLoader.load(text: minimalConfig, file: "varselvakt.toml", baseDirectory: "/etc/varselvakt")
        #expect(config.store.path == "/etc/varselvakt/var/varselvakt.sqlite")
        #expect(config.catalogPath == nil)
        #expect(config.catalogSource == .builtIn(sha256: BuiltInData.catalog.sha256))
        #expect(config.catalog == (try ConfigLoader.loadBuiltInCatalog()))
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
        let config = repositoryRoot().appendingPathComponent("config")
        let text = try String(contentsOf: config.appendingPathComponent("varselvakt.example.toml"), encoding: .utf8)
        // The example names catalog.toml and subscribers.toml next to itself: copy the real
        // catalog and the example subscribers file into a temp dir, with the secrets the
        // example takes from the environment.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let realCatalog = try String(contentsOf: config.appendingPathComponent("catalog.toml"), encoding: .utf8)
        try directory.write("catalog.toml", realCatalog)
        try directory.write(
            "subscribers.toml", try String(contentsOf: config.appendingPathComponent("subscribers.example.toml"), encoding: .utf8)
        )
        let environment = ["VARSELVAKT_SMTP_PASSWORD": "smtp-pw", "VARSELVAKT_WEBHOOK_EKSEMPEL_FAGSYSTEM": "hook-secret"]

        let loaded = try ConfigLoader.load(
            text: text, file: "varselvakt.example.toml", baseDirectory: directory.path, environment: environment)
        #expect(loaded.store.path == "/var/lib/varselvakt/varselvakt.sqlite")
        #expect(loaded.catalogPath == directory.path + "/catalog.toml")
        #expect(loaded.poll.maxBackoff == .seconds(3600))
        // Skatteetaten's status page (its driftsvarsler since 2024), the platforms' pages, then the
        // two GitHub feeds (news and planned changes).
        #expect(
            loaded.feeds.map(\.id) == [
                FeedID("skatteetaten-status"), FeedID("digdir-status"), FeedID("ksfiks-status"),
                FeedID("api-dokumentasjon"), FeedID("folkeregisteret"),
            ])
        #expect(loaded.feeds.map(\.format) == [.auto, .statuspage, .auto, .atom, .rss])
        #expect(loaded.feeds[0].url == "https://status.skatteetaten.no")
        #expect(loaded.feeds[1].url == "https://status.digdir.no")
        #expect(loaded.feeds[1].apis.isEmpty)
        #expect(loaded.feeds[2].url == "https://status.fiks.ks.no")
        let folkeregisteret = loaded.feeds[4]
        #expect(folkeregisteret.apis == ["folkeregisteret"])
        #expect(folkeregisteret.interval == .seconds(900))
        #expect(folkeregisteret.maxBytes == 10 * 1024 * 1024)
        #expect(folkeregisteret.timeout == .seconds(30))
        #expect(loaded.subscribersPath == directory.path + "/subscribers.toml")
        #expect(loaded.subscribers.count == 5)
        #expect(loaded.delivery == DeliveryConfig())
        #expect(
            loaded.email
                == EmailConfig(
                    url: "smtp://smtp.example.no:587", from: "varselvakt@ks.no", fromName: "KS varselvakt", security: .starttls,
                    username: "varselvakt", password: Secret("smtp-pw"), messageIDDomain: "varselvakt.ks.no"))
        #expect(loaded.webhook == WebhookConfig())
        #expect(loaded.probes == ProbesConfig(referenceURL: "https://www.skatteetaten.no/"))
        let probed = loaded.catalog.apis.count { $0.probe != nil }
        #expect(loaded.probeTargets.count == probed)
        let summary = loaded.summary()
        #expect(summary.contains("  APIs probed: \(probed) in production"))
        #expect(summary.contains("Subscribers: \(directory.path)/subscribers.toml (5: 3 municipality, 1 vendor, 1 ks)"))
        #expect(!summary.contains("smtp-pw") && !summary.contains("hook-secret"))
    }

    /// config/demo.toml as scripts/demo.sh runs it: real catalog, demo subscribers, file sink.
    @Test func demoConfigLoadsWithItsSubscribersAndFileSink() throws {
        let config = repositoryRoot().appendingPathComponent("config")
        let loaded = try ConfigLoader.load(path: config.appendingPathComponent("demo.toml").path, environment: [:])
        let root = repositoryRoot().standardizedFileURL.path
        #expect(loaded.delivery.fileSink == root + "/var/demo/outbox")
        #expect(loaded.delivery.templatesPath == root + "/templates")
        #expect(loaded.email?.from == "varselvakt@ks.no" && loaded.email?.fromName == "KS varselvakt")
        #expect(loaded.subscribersPath == config.appendingPathComponent("demo-subscribers.toml").standardizedFileURL.path)
        #expect(loaded.subscribers.map(\.id.rawValue) == ["ks-brukerstotte", "oslo", "bergen", "eksempel-fagsystem"])
        #expect(loaded.subscribers[0].subscription.everything)
        #expect(loaded.subscribers[3].channels == [.email, .webhook])
        #expect(SubscriberWarnings.warnings(for: loaded.subscribers).isEmpty)
        #expect(!loaded.summary().contains("demo-secret-not-for-production"))
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
        #expect(summary.contains("Catalog: \(directory.path)/catalog.toml (1 APIs, 0 platforms, 0 services)"))
        #expect(summary.contains("  api: https://skatteetaten.github.io/"))
        #expect(summary.contains("every 1h30m, timeout 30s (connect 10s), at most 5MiB, 5 redirects"))
        #expect(summary.contains("APIs when a notice names none: inntekt (Inntekt API)"))
    }
}

@Suite struct StormThresholdConfigTests {
    @Test func theThresholdComesFromPollAndAFeedMayOverrideIt() throws {
        let config = try ConfigLoader.load(
            text: """
                [store]
                path = "s.sqlite"
                [poll]
                storm_threshold = 40
                [[feeds]]
                name = "a"
                url = "https://example.org/a.xml"
                [[feeds]]
                name = "b"
                url = "https://example.org/b.xml"
                storm_threshold = 5
                """, file: "storm.toml", baseDirectory: "/tmp")
        #expect(config.feeds.map(\.stormThreshold) == [40, 5])
        #expect(PollDefaults().stormThreshold == 25)
    }

    @Test func aThresholdOutOfRangeIsRefusedNamingTheKey() {
        #expect {
            try ConfigLoader.load(
                text: "[store]\npath = \"s.sqlite\"\n[poll]\nstorm_threshold = 0\n", file: "bad.toml", baseDirectory: "/tmp")
        } throws: { error in
            "\(error)".contains("storm_threshold") && "\(error)".contains("bad.toml")
        }
    }
}

@Suite struct PollLogRetentionConfigTests {
    static func load(_ store: String) throws -> VarselvaktConfig {
        try ConfigLoader.load(
            text: "[store]\npath = \"s.sqlite\"\n\(store)\n[[feeds]]\nurl = \"https://example.org/a.xml\"\n",
            file: "retention.toml", baseDirectory: "/tmp")
    }

    @Test func thePollLogIsKeptNinetyDaysUnlessConfigured() throws {
        #expect(try Self.load("").store.pollLogRetention == .seconds(90 * 86_400))
        #expect(try Self.load("poll_log_retention = \"30d\"").store.pollLogRetention == .seconds(30 * 86_400))
    }

    @Test func aRetentionUnderADayIsRefusedNamingTheKey() {
        #expect {
            try Self.load("poll_log_retention = \"1h\"")
        } throws: { "\($0)".contains("poll_log_retention") }
    }
}
