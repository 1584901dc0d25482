import Testing

@testable import FeedFetch

@Suite("Which URLs may be fetched, decided before any I/O")
struct SchemePolicyTests {
    @Test func plainHTTPToARemoteHostIsRefusedWithoutConnecting() async throws {
        try await withOfflineFetcher { fetcher in
            // .invalid never resolves: had a connection been tried, the error would be transport.
            let error = await fetchError(fetcher, FeedRequest(url: "http://example.invalid/feed.xml"))
            #expect(error == .insecureScheme(url: "http://example.invalid/feed.xml"))
            #expect(error?.isRetryable == false)
        }
    }

    @Test func plainHTTPToARemoteHostIsTriedWhenInsecureIsAllowed() async throws {
        try await withOfflineFetcher { fetcher in
            let limits = FetchLimits(connectTimeout: .seconds(3), timeout: .seconds(5), allowInsecureHTTP: true)
            let error = await fetchError(fetcher, FeedRequest(url: "http://example.invalid/feed.xml", limits: limits))
            switch error {
            case .transport?, .timeout?: break
            default: Issue.record("expected a resolve failure, got \(String(describing: error))")
            }
        }
    }

    @Test(arguments: [
        "http://127.0.0.1:8080/feed", "http://127.45.6.7/feed", "http://localhost/feed", "http://LOCALHOST./feed",
        "http://[::1]:8080/feed", "http://[::ffff:127.0.0.1]/feed", "http://127.1/feed",
    ])
    func loopbackHostsMayUsePlainHTTP(url: String) throws {
        #expect(try FeedTarget(url: url, allowInsecureHTTP: false) == .http(redirectProtocols: "http,https"))
    }

    @Test(arguments: [
        "http://128.0.0.1/feed", "http://10.0.0.1/feed", "http://localhost.example.org/feed",
        "http://[::2]/feed", "http://127.0.0.1.nip.io/feed", "http://user@example.org/feed",
    ])
    func otherHostsMayNotUsePlainHTTP(url: String) {
        #expect(throws: FeedFetchError.insecureScheme(url: url)) { try FeedTarget(url: url, allowInsecureHTTP: false) }
    }

    @Test func httpsFeedsMayNotBeRedirectedToPlainHTTP() throws {
        let target = try FeedTarget(
            url: "https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/atom.xml",
            allowInsecureHTTP: false)
        #expect(target == .http(redirectProtocols: "https"))
    }

    @Test(arguments: [("ftp://example.org/feed", "ftp"), ("gopher://example.org/", "gopher"), ("foo://bar/baz", "foo")])
    func otherSchemesAreUnsupported(url: String, scheme: String) async throws {
        try await withOfflineFetcher { fetcher in
            #expect(await fetchError(fetcher, FeedRequest(url: url)) == .unsupportedScheme(url: url, scheme: scheme))
        }
    }

    @Test(arguments: ["", "not a url", "https://", "/etc/passwd", "file://otherhost/etc/feed.xml"])
    func malformedURLsAreInvalid(url: String) async throws {
        try await withOfflineFetcher { fetcher in
            let error = await fetchError(fetcher, FeedRequest(url: url))
            guard case .invalidURL(url, let reason) = error else {
                Issue.record("expected invalidURL, got \(String(describing: error))")
                return
            }
            #expect(!reason.isEmpty)
        }
    }
}
