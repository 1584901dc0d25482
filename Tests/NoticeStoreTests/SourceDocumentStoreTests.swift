import Foundation
import NoticeStore
import Testing
import VarselModel

/// A status page's stored documents: validators read alone, a body only when asked for, only the
/// documents fetched anew written, and documents of a URL no longer read forgotten.
@Suite struct SourceDocumentStoreTests {
    @Test func onlyDocumentsFetchedAnewAreWrittenAndURLsNoLongerReadAreForgotten() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        let feed = FeedID("status")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        func document(_ url: String, _ etag: String, _ body: String) -> SourceDocument {
            SourceDocument(url: url, etag: etag, lastModified: nil, body: Array(body.utf8), fetchedAt: now)
        }
        try await store.saveSourceDocuments(
            feed: feed, [document("a", "\"a1\"", "incidents 1"), document("b", "\"b1\"", "maintenances 1")], keeping: ["a", "b"])
        // Only "a" changed: "b" keeps what it had.
        try await store.saveSourceDocuments(feed: feed, [document("a", "\"a2\"", "incidents 2")], keeping: ["a", "b"])
        let validators = try await store.sourceDocumentValidators(feed: feed)
        #expect(validators.mapValues(\.etag) == ["a": "\"a2\"", "b": "\"b1\""])
        #expect(try await store.sourceDocumentBody(feed: feed, url: "a") == Array("incidents 2".utf8))
        #expect(try await store.sourceDocumentBody(feed: feed, url: "b") == Array("maintenances 1".utf8))

        // The base URL changed: the old documents are forgotten.
        try await store.saveSourceDocuments(feed: feed, [document("c", "\"c1\"", "incidents 3")], keeping: ["c", "d"])
        #expect(Set(try await store.sourceDocumentValidators(feed: feed).keys) == ["c"])
        #expect(try await store.sourceDocumentBody(feed: feed, url: "b") == nil)
    }
}
