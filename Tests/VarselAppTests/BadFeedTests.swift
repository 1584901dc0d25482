import Foundation
import NoticeStore
import TestSupport
import Testing
import VarselApp
import VarselConfig
import VarselModel

/// A broken feed must be reported clearly and must never touch what is already stored.
@Suite(.serialized) struct BadFeedTests {
    /// Polls a good snapshot, then `bad`, and checks the failure and the untouched store.
    private func pollBad(_ bad: String) async throws -> (FeedPollReport, Sandbox) {
        let box = try Sandbox()
        try box.serve(Fixtures.folkeregisteret("2018-10-18-1232"))
        _ = try await box.poll()
        let badFile = box.directory.appendingPathComponent("bad-source.xml")
        try Data(bad.utf8).write(to: badFile)
        try box.serve(badFile)
        let report = try await box.poll()
        let notices = try await box.runtime.store.notices()
        #expect(notices.count == 20)
        #expect(notices.allSatisfy { $0.status == .active })
        let state = try await box.runtime.store.feedState(box.feed.id)
        #expect(state?.consecutiveFailures == 1)
        #expect(state?.lastError == report.error)
        return (report, box)
    }

    @Test func truncatedFeedFailsWithLineAndKeepsNotices() async throws {
        let original = try String(contentsOf: Fixtures.folkeregisteret("2018-10-18-1318"), encoding: .utf8)
        let (report, box) = try await pollBad(String(original.prefix(5000)))
        defer { box.remove() }
        #expect(report.outcome == .failed)
        #expect(report.error?.contains(box.feedFile.path) == true)
        #expect(report.retryIn != nil)
    }

    @Test func htmlErrorPageIsNotAFeed() async throws {
        let page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>"
        let (report, box) = try await pollBad(page)
        defer { box.remove() }
        #expect(report.outcome == .failed)
        #expect(report.error?.lowercased().contains("feed") == true)
    }

    @Test func externalEntityNeverLeaksAFile() async throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>t</title>
            <item><title>a&x;b</title><guid>https://example.org/xxe</guid><description>&x;</description></item>
            </channel></rss>
            """
        let box = try Sandbox(); defer { box.remove() }
        let file = box.directory.appendingPathComponent("xxe.xml")
        try Data(xxe.utf8).write(to: file)
        try box.serve(file)
        _ = try await box.poll()
        for notice in try await box.runtime.store.notices() {
            #expect(!notice.entry.title.contains("root:"))
            #expect(!notice.entry.contentText.contains("root:"))
        }
    }

    @Test func emptyFeedIsRefusedWhileNoticesAreStored() async throws {
        let empty = #"<?xml version="1.0"?><rss version="2.0"><channel><title>Folkeregisteret</title></channel></rss>"#
        let (report, box) = try await pollBad(empty)
        defer { box.remove() }
        #expect(report.outcome == .failed)
        #expect(report.error?.contains("no entries") == true)
    }

    @Test func missingFileFailsNamingThePath() async throws {
        let box = try Sandbox(); defer { box.remove() }
        let report = try await box.poll()
        #expect(report.outcome == .failed)
        #expect(report.error?.contains(box.feedFile.path) == true)
    }
}
