import FeedFetch
import Foundation
import TestSupport
import Testing

/// The contract of LocalSiteServer that status-page tests rely on (see site_server.py's header).
@Suite("LocalSiteServer")
struct LocalSiteServerTests {
    @Test func rewrittenFileGetsANewETagWithinTheSameSecondAndUnchangedOneGets304() async throws {
        try await withSite { site in
            let fetcher = FeedFetcher(client: site.client)
            try site.server.write(#"{"v": 1}"#, at: "api/v2/summary.json")
            let url = site.server.url("/api/v2/summary.json")

            let first = try await fetcher.fetch(FeedRequest(url: url))
            guard case .modified(let v1) = first else { Issue.record("expected 200, got \(first)"); return }
            #expect(v1.contentType == "application/json; charset=utf-8")
            let etag = try #require(v1.validators.etag)
            #expect(etag.count == 42 && etag.hasPrefix("\"") && !etag.hasPrefix("W/"))

            let second = try await fetcher.fetch(FeedRequest(url: url, validators: v1.validators))
            #expect(!second.isModified)

            try site.server.write(#"{"v": 2}"#, at: "api/v2/summary.json")  // same second, same size
            let third = try await fetcher.fetch(FeedRequest(url: url, validators: v1.validators))
            guard case .modified(let v2) = third else { Issue.record("expected 200, got \(third)"); return }
            #expect(v2.body == Array(#"{"v": 2}"#.utf8))
            #expect(v2.validators.etag != etag)

            let log = try await site.server.requests(client: site.client)
            #expect(log.map(\.status) == [200, 304, 200])
            #expect(log.map(\.ifNoneMatch) == [nil, etag, etag])
        }
    }

    @Test func rootServesIndexAndMissingFilesAre404() async throws {
        try await withSite { site in
            let fetcher = FeedFetcher(client: site.client)
            try site.server.write("<html></html>", at: "index.html")
            let page = try await fetcher.fetch(FeedRequest(url: site.server.url("/")))
            guard case .modified(let index) = page else { Issue.record("expected 200, got \(page)"); return }
            #expect(index.contentType == "text/html; charset=utf-8")
            await #expect(throws: FeedFetchError.httpStatus(url: site.server.url("/nope.atom"), status: 404, retryAfter: nil)) {
                try await fetcher.fetch(FeedRequest(url: site.server.url("/nope.atom")))
            }
            await #expect(throws: FeedFetchError.self) {
                try await fetcher.fetch(FeedRequest(url: site.server.url("/../../etc/passwd")))
            }
        }
    }
}
