import Curl
import Testing

@Suite("CurlURL: curl's own parser for policy checks")
struct CurlURLTests {
    @Test func splitsAnHTTPSURL() throws {
        let url = try CurlURL("HTTPS://skatteetaten.github.io:8443/api-dokumentasjon/atom.xml?x=1")
        #expect(url.scheme == "https")
        #expect(url.host == "skatteetaten.github.io")
        #expect(url.port == 8443)
        #expect(url.path == "/api-dokumentasjon/atom.xml")
        #expect(!url.isLoopback)
    }

    @Test func fileURLHasADecodedPathAndNoHost() throws {
        let url = try CurlURL("file:///tmp/my%20feed.xml")
        #expect(url.scheme == "file")
        #expect(url.host == nil)
        #expect(url.path == "/tmp/my feed.xml")
    }

    @Test(arguments: [
        "http://127.0.0.1/", "http://127.255.0.9/", "http://localhost:80/", "http://[::1]/",
        "http://[0:0:0:0:0:0:0:1]/", "http://[::ffff:127.0.0.1]/", "http://127.1/",
    ])
    func loopbackHosts(url: String) throws {
        #expect(try CurlURL(url).isLoopback)
    }

    @Test(arguments: [
        "http://126.0.0.1/", "http://192.168.1.1/", "http://localhost.example.org/", "http://[::2]/",
        "http://127.0.0.1.nip.io/", "http://[::ffff:10.0.0.1]/",
    ])
    func nonLoopbackHosts(url: String) throws {
        #expect(try !CurlURL(url).isLoopback)
    }

    @Test(arguments: ["", "no scheme here", "https://", "http://exa mple.org/"])
    func malformedURLsAreRejectedWithCurlsReason(url: String) {
        let error = #expect(throws: CurlError.self) { try CurlURL(url) }
        guard case .invalidRequest(url, let reason) = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(!reason.isEmpty)
    }

    @Test func shorthandIPv4IsNormalisedLikeCurlWillConnect() throws {
        #expect(try CurlURL("http://127.1:8080/").host == "127.0.0.1")
    }

    @Test func unknownSchemesStillParseSoCallersCanNameThem() throws {
        #expect(try CurlURL("foo://bar/baz").scheme == "foo")
    }
}
