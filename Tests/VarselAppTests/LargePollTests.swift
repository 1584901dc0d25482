import Foundation
import GRDB
import NoticeStore
import Testing
import VarselApp
import VarselConfig
import VarselModel

/// A poll with more updates than one write transaction holds (`updatesPerTransaction`) is
/// written in parts: every change stored and routed once, and a poll that fails between two
/// parts is completed by the next poll without alerting anything twice. (The storm threshold is
/// raised: here 600 changes are a large first poll, not a storm.)
@Suite struct LargePollTests {
    /// An Atom feed of `count` incidents about Folkeregisteret, one hour apart; `revision`
    /// rewrites every entry's text (a source that changes every entry on every poll).
    static func atom(_ count: Int, revision: Int = 0) -> Data {
        var text = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Stor kilde</title><id>urn:test:large</id>
            <updated>2026-11-01T00:00:00Z</updated>

            """
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let format = ISO8601DateFormatter()
        for index in 0..<count {
            let at = format.string(from: start.addingTimeInterval(Double(index) * 3600))
            text += """
                <entry><id>urn:test:large:\(index)</id><title>Feil i Folkeregisteret nummer \(index)</title>
                <updated>\(at)</updated><published>\(at)</published>
                <content type="html">&lt;p&gt;Folkeregisteret svarer ikke (sak \(index)). Vi jobber med saken.\(revision > 0 ? " Oppdatering \(revision): feilen er ikke rettet." : "")&lt;/p&gt;</content>
                </entry>

                """
        }
        return Data((text + "</feed>\n").utf8)
    }

    /// New-notice changes in the store, and outbox rows per change.
    static func stored(_ sandbox: Sandbox) async throws -> (new: [ChangeRecord], deliveriesPerChange: [Int64: Int]) {
        let new = try await sandbox.runtime.store.changes(ChangeFilter()).filter { $0.change == .new }
        var perChange: [Int64: Int] = [:]
        for delivery in try await sandbox.runtime.store.deliveries() { perChange[delivery.planned.changeID, default: 0] += 1 }
        return (new, perChange)
    }

    @Test func aPollLargerThanOneTransactionStoresAndRoutesEveryChangeOnce() async throws {
        let sandbox = try Sandbox(extraFeedKeys: "storm_threshold = 100000", subscribers: AlertStormTests.subscribers)
        defer { sandbox.remove() }
        try sandbox.serve(Self.atom(5))
        _ = try await sandbox.poll()
        try sandbox.serve(Self.atom(605))
        let report = try await sandbox.poll()
        #expect(report.counts == [.new: 600])
        let (new, deliveries) = try await Self.stored(sandbox)
        #expect(new.count == 600)
        #expect(Set(new.map(\.noticeID)).count == 600)
        #expect(new.allSatisfy { deliveries[$0.id] == 2 }, "Oslo and KS, once each")
        #expect(try await sandbox.runtime.store.feedState(sandbox.feed.id)?.consecutiveFailures == 0)
    }

    @Test func aPollThatFailsHalfWayIsCompletedByTheNextWithoutAlertingTwice() async throws {
        let sandbox = try Sandbox(extraFeedKeys: "storm_threshold = 100000", subscribers: AlertStormTests.subscribers)
        defer { sandbox.remove() }
        try sandbox.serve(Self.atom(5))
        _ = try await sandbox.poll()

        // A real SQLite failure in the second part of the write (as a full disk would give).
        let database = try DatabaseQueue(path: sandbox.directory.appendingPathComponent("state.sqlite").path)
        try await database.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER failHalfWay BEFORE INSERT ON noticeChange
                    WHEN (SELECT count(*) FROM noticeChange WHERE change = 'new') >= 300
                    BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                    """)
        }
        try sandbox.serve(Self.atom(605))
        await #expect(throws: StoreError.self) { try await sandbox.poll() }
        let partial = try await Self.stored(sandbox).new.count
        #expect(partial > 0 && partial < 600, "the first part stays stored, the failed part does not")

        try await database.write { db in try db.execute(sql: "DROP TRIGGER failHalfWay") }
        try sandbox.serve(Self.atom(605))
        let report = try await sandbox.poll()
        #expect(report.counts == [.new: 600 - partial])
        let (new, deliveries) = try await Self.stored(sandbox)
        #expect(new.count == 600)
        #expect(Set(new.map(\.noticeID)).count == 600, "no notice reported new twice")
        #expect(new.allSatisfy { deliveries[$0.id] == 2 }, "each change routed exactly once to Oslo and KS")
    }
}
