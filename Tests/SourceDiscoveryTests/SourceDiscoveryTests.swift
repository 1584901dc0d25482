import Foundation
import TestSupport
import Testing
import VarselModel

@testable import SourceDiscovery

@Suite("SourceDiscovery")
struct SourceDiscoveryTests {
    @Test func statuspageSiteIsFoundAtItsBaseURL() async throws {
        try await withSite { site in
            try site.copy(statuspage: "github-summary-active-incident.json", to: "api/v2/summary.json")
            try site.server.write(page(), at: "index.html")

            let result = await site.discovery.discover(site.server.url("/"))

            #expect(result.found?.format == .statuspage)
            #expect(result.found?.url == site.server.url())
            #expect(result.tried.map(\.step) == [.given, .statuspageAPI])
            #expect(result.tried.first?.outcome == "HTML page, 0 feed links")
            #expect(result.tried.last?.outcome == "Statuspage API: page \"GitHub\" (id kctbh9vrtdwd)")
            #expect(result.tried.last?.isSuccess == true)
            #expect(try await site.requestedPaths() == ["/", "/api/v2/summary.json"])
        }
    }

    @Test func statuspageJSONGivenDirectlyGivesThePageBase() async throws {
        try await withSite { site in
            try site.copy(statuspage: "github-incidents-2024-09-17.json", to: "status/api/v2/incidents.json")

            let result = await site.discovery.discover(site.server.url("/status/api/v2/incidents.json"))

            #expect(result.found?.format == .statuspage)
            #expect(result.found?.url == site.server.url("/status"))
            #expect(result.tried.count == 1)
        }
    }

    @Test func atomFeedLinkedFromThePageIsFoundThroughTheLink() async throws {
        try await withSite { site in
            try site.copy(statuspage: "streamyard-history.atom", to: "feeds/incidents.atom")
            try site.server.write(
                page(links: [#"<link rel="alternate" type="application/atom+xml" href="feeds/incidents.atom" title="Hendelser">"#]
                ),
                at: "index.html")

            let result = await site.discovery.discover(site.server.url("/"))

            #expect(result.found?.format == .atom)
            #expect(result.found?.url == site.server.url("/feeds/incidents.atom"))
            #expect(result.tried.map(\.step) == [.given, .statuspageAPI, .feedLink])
            #expect(result.tried[0].outcome == "HTML page, 1 feed link")
            #expect(result.tried[1].outcome == "HTTP status 404")
            #expect(result.tried[2].outcome.hasPrefix("Atom feed \"StreamYard Status - Incident History\""))
        }
    }

    @Test func atomLinkIsTriedBeforeAnEarlierRSSLink() async throws {
        try await withSite { site in
            try site.copy(statuspage: "streamyard-history.rss", to: "feed.rss")
            try site.copy(statuspage: "streamyard-history.atom", to: "feed.atom")
            try site.server.write(
                page(links: [
                    #"<link rel="alternate" type="application/rss+xml" href="/feed.rss">"#,
                    #"<LINK REL="Alternate" TYPE="Application/Atom+XML; charset=utf-8" HREF="/feed.atom">"#,
                ]), at: "index.html")

            let result = await site.discovery.discover(site.server.url("/"))

            #expect(result.found == DiscoveredSource(format: .atom, url: site.server.url("/feed.atom"), name: "127-0-0-1"))
            #expect(result.tried[0].outcome == "HTML page, 2 feed links")
            #expect(!(try await site.requestedPaths()).contains("/feed.rss"))
        }
    }

    @Test func siteWithOnlyHistoryRSSIsFoundAtTheLastStep() async throws {
        try await withSite { site in
            try site.copy(statuspage: "streamyard-history.rss", to: "history.rss")

            let result = await site.discovery.discover(site.server.url("/"))

            #expect(result.found?.format == .rss)
            #expect(result.found?.url == site.server.url("/history.rss"))
            #expect(
                result.tried.map(\.url)
                    == ["/", "/api/v2/summary.json", "/history.atom", "/history.rss"].map { site.server.url($0) })
            #expect(result.tried.map(\.isSuccess) == [false, false, false, true])
        }
    }

    @Test func directAtomURLIsFoundUnchangedWithOneRequest() async throws {
        try await withSite { site in
            try site.copy(feed: "skatteetaten-atom-2024-01-22.xml", to: "driftsmeldinger/atom.xml")
            let url = site.server.url("/driftsmeldinger/atom.xml")

            let result = await site.discovery.discover(url)

            #expect(result.found?.format == .atom)
            #expect(result.found?.url == url)
            #expect(result.tried.count == 1)
            #expect(try await site.requestedPaths() == ["/driftsmeldinger/atom.xml"])
        }
    }

    @Test func fileFeedURLIsFoundWithoutAnyRequest() async throws {
        try await withSite { site in
            let url = "file://" + Fixtures.folkeregisteret("2026-07-03").path

            let result = await site.discovery.discover(url)

            #expect(result.found?.format == .rss)
            #expect(result.found?.url == url)
            #expect(result.found?.name == "folkeregisteret-rss-2026-07-03-xml")
            #expect(result.tried.count == 1)
            #expect(result.found?.pasteBlock.contains("url = \"\(url)\"\n") == true)
        }
    }

    @Test func siteWithNothingUsableGivesNoSourceAndNamesEveryURLTried() async throws {
        try await withSite { site in
            try site.server.write(page(links: [#"<link rel="stylesheet" href="/style.css">"#]), at: "index.html")
            try site.server.write(#"{"status": "ok"}"#, at: "api/v2/summary.json")

            let result = await site.discovery.discover(site.server.url("/"))

            #expect(result.found == nil)
            let tried = ["/", "/api/v2/summary.json", "/history.atom", "/history.rss"].map { site.server.url($0) }
            #expect(result.tried.map(\.url) == tried)
            #expect(result.tried[1].outcome == "not Statuspage JSON (no \"page\" object with an id)")
            #expect(result.tried[2].outcome == "HTTP status 404")
            for url in tried { #expect(result.summary.contains(url)) }
            #expect(result.summary.contains("no Statuspage API, Atom or RSS feed found"))
            #expect(try await site.requestedPaths() == ["/", "/api/v2/summary.json", "/history.atom", "/history.rss"])
        }
    }

    @Test func unreachableHostIsRecordedForEveryStepWithoutStopping() async throws {
        try await withSite { site in
            let port = site.server.port
            site.server.stop()

            let result = await site.discovery.discover("http://127.0.0.1:\(port)/")

            #expect(result.found == nil)
            #expect(result.tried.count == 4)
            #expect(result.tried.allSatisfy { $0.outcome.contains("transport error") })
        }
    }

    @Test func javascriptAndFileAlternateLinksAreIgnored() async throws {
        try await withSite { site in
            try site.copy(statuspage: "streamyard-history.rss", to: "feed.rss")
            let fixture = "file://" + Fixtures.atom.path
            try site.server.write(
                page(links: [
                    #"<link rel="alternate" type="application/atom+xml" href="javascript:alert(1)">"#,
                    #"<link rel="alternate" type="application/atom+xml" href=" JaVa&#x09;ScRiPt:alert(2)">"#,
                    #"<link rel="alternate" type="application/atom+xml" href="\#(fixture)">"#,
                    #"<link rel="alternate" type="application/rss+xml" href="feed.rss">"#,
                ]), at: "index.html")

            let result = await site.discovery.discover(site.server.url("/"))

            #expect(result.found?.url == site.server.url("/feed.rss"))
            #expect(result.tried[0].outcome == "HTML page, 1 feed link (3 ignored: scheme not allowed or bad characters)")
            #expect(!result.tried.contains { $0.url.lowercased().contains("script") || $0.url.hasPrefix("file:") })
        }
    }

    @Test func noMoreThanTenLinksAreConsidered() async throws {
        try await withSite { site in
            let links = (1...15).map { #"<link rel="alternate" type="application/rss+xml" href="/feed\#($0).rss">"# }
            try site.server.write(page(links: links), at: "index.html")

            let result = await site.discovery.discover(site.server.url("/"))

            #expect(result.tried[0].outcome == "HTML page, 10 feed links")
            #expect(result.tried.filter { $0.step == .feedLink }.count == 10)
        }
    }

    @Test func pasteBlockIsTOMLWithTheBaseURLAndFormat() async throws {
        try await withSite { site in
            try site.copy(statuspage: "github-summary-active-incident.json", to: "api/v2/summary.json")

            let result = await site.discovery.discover(site.server.url("/history.atom"))

            #expect(
                result.found?.pasteBlock == """
                    [[feeds]]
                    name = "127-0-0-1"
                    url = "\(site.server.url())"
                    format = "statuspage"

                    """)
        }
    }

    @Test func pasteBlockEscapesAHostileURL() {
        let source = DiscoveredSource(format: .rss, url: "https://x.example/a\"\nformat = \"atom\\", name: "x-example")
        #expect(
            source.pasteBlock == """
                [[feeds]]
                name = "x-example"
                url = "https://x.example/a\\"\\u000Aformat = \\"atom\\\\"
                format = "rss"

                """)
        let plain = DiscoveredSource(
            format: .atom, url: "http://intern.example/feed", name: "intern-example", needsAllowHTTP: true)
        #expect(plain.pasteBlock.hasSuffix("format = \"atom\"\nallow_http = true\n"))
    }

    @Test(arguments: [
        ("https://status.skatteetaten.no", "https://status.skatteetaten.no"),
        ("https://status.skatteetaten.no/", "https://status.skatteetaten.no"),
        ("https://status.skatteetaten.no/history.atom", "https://status.skatteetaten.no"),
        ("https://status.skatteetaten.no/history.rss?x=1#top", "https://status.skatteetaten.no"),
        ("https://status.skatteetaten.no/api/v2/summary.json", "https://status.skatteetaten.no"),
        ("https://example.com:8443/status/api/v2/incidents/unresolved.json", "https://example.com:8443/status"),
        ("file:///var/lib/snap/history.atom", "file:///var/lib/snap"),
        ("https://example.com/drift/index.html?lang=nb", "https://example.com/drift"),
    ])
    func baseDropsTrailingSlashFeedAPIAndPagePath(url: String, base: String) {
        #expect(SiteURL.base(of: url) == base)
    }

    @Test func bareHostNameGetsHTTPSAndNameComesFromTheHost() {
        #expect(SiteURL.normalised(" status.skatteetaten.no ") == "https://status.skatteetaten.no")
        #expect(SiteURL.feedName(for: "https://user@Status.Skatteetaten.no:443/x") == "status-skatteetaten-no")
    }
}
