import Testing
import VarselConfig
import VarselModel

@Suite struct FeedURLTests {
    private func config(url: String, extra: String = "") -> String {
        "[store]\npath = \"db.sqlite\"\n[[feeds]]\nurl = \"\(url)\"\n\(extra)"
    }

    @Test func httpToANonLoopbackHostIsRejectedWithTheReason() throws {
        let error = try #require(configError(config(url: "http://skatteetaten.github.io/feed.xml")))
        #expect(error.key == "feeds[0].url")
        #expect(error.line == 4)
        #expect(error.description.contains("plain http to skatteetaten.github.io is not allowed"))
        #expect(error.description.contains("allow_http = true"))
    }

    @Test(arguments: [
        "http://127.0.0.1:8080/feed.xml", "http://127.3.4.5/feed", "http://localhost/feed", "http://[::1]:9000/feed",
    ])
    func httpToLoopbackIsAccepted(url: String) {
        #expect(configError(config(url: url)) == nil)
    }

    @Test func localPathIsResolvedAgainstTheConfigFolder() throws {
        let text = "[store]\npath = \"db.sqlite\"\n[[feeds]]\npath = \"snapshots/feed.xml\"\n"
        let loaded = try ConfigLoader.load(text: text, file: "v.toml", baseDirectory: "/etc/varselvakt")
        #expect(loaded.feeds[0].url == "file:///etc/varselvakt/snapshots/feed.xml")
    }

    @Test func urlAndPathTogetherAreRejected() throws {
        let text = config(url: "https://example.no/feed.xml", extra: "path = \"feed.xml\"\n")
        let error = try #require(configError(text))
        #expect(error.key == "feeds[0].path")
        #expect(error.description.contains("either url or path"))
    }

    @Test func httpWithAllowHTTPIsAccepted() throws {
        let text = config(url: "http://mirror.internal/feed.xml", extra: "allow_http = true\n")
        let loaded = try ConfigLoader.load(text: text, file: "v.toml", baseDirectory: "/")
        #expect(loaded.feeds[0].allowHTTP)
    }

    @Test(arguments: [
        ("ftp://example.no/feed.xml", "scheme \"ftp\" is not supported"),
        ("gopher://example.no/", "scheme \"gopher\" is not supported"),
        ("example.no/feed.xml", "is not an absolute URL"),
        ("file://relative/feed.xml", "a file URL must be file:///absolute/path"),
        ("http://128.0.0.1/feed", "plain http to 128.0.0.1 is not allowed"),
    ])
    func unsupportedURLsAreRejectedWithTheReason(url: String, reason: String) throws {
        let error = try #require(configError(config(url: url)))
        #expect(error.key == "feeds[0].url")
        #expect(error.description.contains(reason))
    }

    @Test func absoluteFileURLIsAccepted() throws {
        let loaded = try ConfigLoader.load(
            text: config(url: "file:///srv/snapshots/atom.xml"), file: "v.toml", baseDirectory: "/")
        #expect(loaded.feeds[0].id.rawValue == "srv-snapshots-atom-xml")
    }
}
