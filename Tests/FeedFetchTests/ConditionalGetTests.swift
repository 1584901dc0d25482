import FeedFetch
import Foundation
import TestSupport
import Testing

@Suite("Conditional GET over HTTP")
struct ConditionalGetTests {
    static let atom = "skatteetaten-atom-2024-01-22.xml"
    static let lastModified = "Mon, 22 Jan 2024 10:00:00 GMT"

    private func feedURL(
        _ server: LocalHTTPServer, etag: String? = "\"v1\"", lastModified: String? = lastModified,
        bare304: Bool = false
    ) -> String {
        var query = ["file=\(Fixtures.path(Self.atom))"]
        if let etag { query.append("etag=\(etag)") }
        if let lastModified { query.append("lm=\(lastModified)") }
        if bare304 { query.append("bare304=1") }
        let encoded = query.joined(separator: "&").addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
        return server.url("/conditional?" + encoded)
    }

    @Test func firstFetchReturnsTheRealFeedWithItsValidators() async throws {
        try await withFetcher { server, fetcher in
            let url = feedURL(server)
            let result = try await fetcher.fetch(FeedRequest(url: url))
            guard case .modified(let feed) = result else { Issue.record("expected modified, got \(result)"); return }
            #expect(feed.body == (try Fixtures.bytes(Self.atom)))
            #expect(feed.validators == Validators(etag: "\"v1\"", lastModified: Self.lastModified))
            #expect(feed.contentType == "application/atom+xml")
            #expect(feed.finalURL == url)
            #expect(feed.status == 200)
        }
    }

    @Test func matchingETagGivesNotModified() async throws {
        try await withFetcher { server, fetcher in
            let url = feedURL(server, lastModified: nil)
            let first = try await fetcher.fetch(FeedRequest(url: url))
            #expect(first.validators == Validators(etag: "\"v1\""))
            let second = try await fetcher.fetch(FeedRequest(url: url, validators: first.validators))
            #expect(second == .notModified(Validators(etag: "\"v1\"")))
            #expect(!second.isModified)
        }
    }

    @Test func lastModifiedAloneGivesNotModified() async throws {
        try await withFetcher { server, fetcher in
            let url = feedURL(server, etag: nil)
            let first = try await fetcher.fetch(FeedRequest(url: url))
            #expect(first.validators == Validators(lastModified: Self.lastModified))
            let second = try await fetcher.fetch(FeedRequest(url: url, validators: first.validators))
            #expect(second == .notModified(Validators(lastModified: Self.lastModified)))
        }
    }

    @Test func staleETagGetsTheFullFeedAgain() async throws {
        try await withFetcher { server, fetcher in
            let result = try await fetcher.fetch(FeedRequest(url: feedURL(server), validators: Validators(etag: "\"v0\"")))
            #expect(result.isModified)
            #expect(result.validators.etag == "\"v1\"")
        }
    }

    @Test func notModifiedWithoutValidatorsKeepsTheOnesSent() async throws {
        try await withFetcher { server, fetcher in
            let sent = Validators(etag: "\"v1\"", lastModified: Self.lastModified)
            let result = try await fetcher.fetch(FeedRequest(url: feedURL(server, bare304: true), validators: sent))
            #expect(result == .notModified(sent))
        }
    }

    @Test func validatorsUserAgentAndEncodingsAreSent() async throws {
        try await withFetcher { server, fetcher in
            let validators = Validators(etag: "W/\"abc\"", lastModified: Self.lastModified)
            let result = try await fetcher.fetch(FeedRequest(url: server.url("/echo"), validators: validators))
            guard case .modified(let feed) = result else { Issue.record("expected modified, got \(result)"); return }
            struct Echo: Decodable { var headers: [String: String] }
            let headers = try JSONDecoder().decode(Echo.self, from: Data(feed.body)).headers
            #expect(headers["if-none-match"] == "W/\"abc\"")
            #expect(headers["if-modified-since"] == Self.lastModified)
            #expect(headers["user-agent"] == "varselvakt/0.1.0 (+https://github.com/ks-no/varselvakt)")
            #expect(headers["accept-encoding"]?.contains("gzip") == true)
            #expect(headers["accept-encoding"]?.contains("deflate") == true)
            #expect(headers["accept"]?.hasPrefix("application/atom+xml") == true)
        }
    }

    @Test func gzipEncodedFeedIsDecoded() async throws {
        try await withFetcher { server, fetcher in
            let result = try await fetcher.fetch(FeedRequest(url: server.url("/gzip?text=%3Cfeed%2F%3E&repeat=1000")))
            guard case .modified(let feed) = result else { Issue.record("expected modified, got \(result)"); return }
            #expect(feed.body == Array(String(repeating: "<feed/>", count: 1000).utf8))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func twentyConcurrentFetchesAllComplete() async throws {
        try await withFetcher { server, fetcher in
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await fetcher.fetch(FeedRequest(url: server.url("/slow?ms=300"))).isModified }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results == Array(repeating: true, count: 20))
        }
    }
}
