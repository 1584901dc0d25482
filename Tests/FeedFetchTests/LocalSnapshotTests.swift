import FeedFetch
import Foundation
import TestSupport
import Testing

@Suite("file:// snapshots")
struct LocalSnapshotTests {
    static let rss = "folkeregisteret-rss-2018-10-18-1232.xml"

    /// A private copy of a real fixture in a fresh temporary directory (deleted by the caller).
    private func copyOfFixture() throws -> (directory: URL, file: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("feedfetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("feed.xml")
        try Data(try Fixtures.bytes(Self.rss)).write(to: file)
        return (directory, file)
    }

    @Test func snapshotIsReadThenUnchangedFileIsNotModifiedThenChangeIsSeen() async throws {
        let (directory, file) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withOfflineFetcher { fetcher in
            let url = file.absoluteString  // file:///tmp/...
            let first = try await fetcher.fetch(FeedRequest(url: url))
            guard case .modified(let feed) = first else { Issue.record("expected modified, got \(first)"); return }
            #expect(feed.body == (try Fixtures.bytes(Self.rss)))
            #expect(feed.finalURL == url)
            #expect(feed.validators.etag == nil)
            #expect(feed.validators.lastModified?.hasPrefix("file mtime=") == true)

            let second = try await fetcher.fetch(FeedRequest(url: url, validators: feed.validators))
            #expect(second == .notModified(feed.validators))

            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("<!-- appended -->".utf8))
            try handle.close()
            let third = try await fetcher.fetch(FeedRequest(url: url, validators: feed.validators))
            #expect(third.isModified)
            #expect(third.validators != feed.validators)
        }
    }

    @Test func snapshotOverTheLimitIsTooLarge() async throws {
        let (directory, file) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withOfflineFetcher { fetcher in
            let url = file.absoluteString
            let error = await fetchError(fetcher, FeedRequest(url: url, limits: FetchLimits(maxBytes: 1000)))
            #expect(error == .tooLarge(url: url, limit: 1000))
        }
    }

    @Test func missingSnapshotIsUnreadableAndRetryable() async throws {
        try await withOfflineFetcher { fetcher in
            let path = "/nonexistent-\(UUID().uuidString)/feed.xml"
            let error = await fetchError(fetcher, FeedRequest(url: "file://" + path))
            guard case .fileUnreadable(path, let reason) = error else {
                Issue.record("expected fileUnreadable, got \(String(describing: error))")
                return
            }
            #expect(reason.contains("No such file"))
            #expect(error?.isRetryable == true)
        }
    }

    @Test func directoryIsNotASnapshot() async throws {
        let (directory, _) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withOfflineFetcher { fetcher in
            let error = await fetchError(fetcher, FeedRequest(url: "file://" + directory.path))
            #expect(error == .fileUnreadable(path: directory.path, reason: "not a regular file"))
        }
    }
}
