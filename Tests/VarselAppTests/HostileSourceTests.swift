import Foundation
import NoticeStore
import TestSupport
import Testing
import VarselApp
import VarselConfig
import VarselModel

/// Hostile sources through a whole poll cycle over real HTTP: the poll ends with an error that
/// names the limit, the notices stored from an earlier good poll stay as they were, and the next
/// poll runs normally (the daemon goes on).
@Suite struct HostileSourceTests {
    /// A sandbox whose feed URL serves the real 20-notice snapshot once and `then` afterwards.
    private func sandbox(_ server: LocalHTTPServer, id: String, then: String, keys: String) throws -> Sandbox {
        let file = Fixtures.folkeregisteret("2018-10-18-1232").path
        let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text }
        return try Sandbox(url: server.url("/phase?id=\(id)&file=\(encode(file))&then=\(encode(then))"), extraFeedKeys: keys)
    }

    /// Polls once (good), then twice (hostile), checking the store after each hostile poll.
    private func pollHostile(_ box: Sandbox) async throws -> FeedPollReport {
        let good = try await box.poll()
        #expect(good.outcome != .failed)
        var last = good
        for round in 1...2 {
            last = try await box.poll()
            #expect(last.outcome == .failed)
            let notices = try await box.runtime.store.notices()
            #expect(notices.count == 20)
            #expect(notices.allSatisfy { $0.status == .active })
            #expect(try await box.runtime.store.feedState(box.feed.id)?.consecutiveFailures == round)
        }
        return last
    }

    /// An endless body trickling in (only the timeout can end it) and a gzip bomb (4 GiB of
    /// zeros in ~4 MB; only the size cap on decoded bytes ends it).
    @Test(.timeLimit(.minutes(2)), arguments: [
        ("/endless?ms=20&chunk=64", "timeout = \"1s\"", "no complete response within 1 s"),
        ("/gzipbomb?mib=4096", "max_bytes = \"2MiB\"", "body exceeds the limit of 2097152 bytes"),
    ])
    func hostileSourceEndsAtItsLimitAndKeepsNotices(then: String, keys: String, error: String) async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let box = try sandbox(server, id: "hostile", then: then, keys: keys)
        defer { box.remove() }
        let report = try await pollHostile(box)
        #expect(report.error?.contains(error) == true, "\(report.error ?? "no error")")
    }

    /// A document that says UTF-8 but carries a byte that is not: libxml2 refuses it, the poll
    /// fails naming the source and the line, nothing stored changes.
    @Test func invalidUTF8IsRefusedClearlyAndKeepsNotices() async throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2018-10-18-1232"))
        #expect(try await box.poll().outcome != .failed)
        var bytes = try Data(contentsOf: Fixtures.folkeregisteret("2018-10-18-1318"))
        let title = try #require(bytes.range(of: Data("<title>".utf8), in: 200..<bytes.count))
        bytes.replaceSubrange(title.upperBound..<title.upperBound, with: [0xC3, 0x28, 0xFF, 0xFE])
        try box.serve(bytes)
        let report = try await box.poll()
        #expect(report.outcome == .failed)
        let error = try #require(report.error)
        #expect(error.contains(box.feedFile.path))
        #expect(error.lowercased().contains("utf-8") || error.lowercased().contains("encoding"), "\(error)")
        let notices = try await box.runtime.store.notices()
        #expect(notices.count == 20 && notices.allSatisfy { $0.status == .active })
    }

    /// 100,000 entries (~5.3 MB) against the default 5 MiB cap: refused before parsing, naming
    /// the limit; the stored notices stay.
    @Test func hundredThousandEntriesOverTheDefaultCapAreRefusedClearly() async throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2018-10-18-1232"))
        #expect(try await box.poll().outcome != .failed)
        try box.serve(Data(Fixtures.tinyRSS(items: 100_000).utf8))
        let report = try await box.poll()
        #expect(report.outcome == .failed)
        #expect(report.error?.contains("5242880") == true, "\(report.error ?? "no error")")
        let notices = try await box.runtime.store.notices()
        #expect(notices.count == 20 && notices.allSatisfy { $0.status == .active })
    }
}
