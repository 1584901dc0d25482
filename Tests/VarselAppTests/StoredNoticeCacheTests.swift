import Foundation
import NoticeStore
import TestSupport
import Testing
import VarselApp
import VarselModel

/// The daemon diffs against the notices it remembers from its own last write; a new process
/// reads them from the store. Both must see exactly the same changes, poll after poll, through
/// every trap in the real snapshots.
@Suite(.serialized) struct StoredNoticeCacheTests {
    static let history = [
        "2018-10-18-1232", "2018-10-18-1318", "2021-04-29", "2023-08-21-1511", "2023-08-21-1514", "2023-08-21-1511",
        "2023-11-03-1118", "2023-11-03-1122", "2024-08-15-1029", "2024-08-15-1152", "2024-08-15-1152", "2026-07-03",
        "2026-07-07-1158",
    ]

    private func summary(_ report: FeedPollReport) -> [String] {
        report.changes.map { "\($0.change.rawValue) \($0.noticeID)" }.sorted()
    }

    @Test func rememberedNoticesGiveTheSameChangesAsReadingTheStore() async throws {
        let daemon = try Sandbox(); defer { daemon.remove() }
        let processes = try Sandbox(); defer { processes.remove() }
        var previous: String?
        var total = 0
        for stamp in Self.history {
            // The same build twice in a row is a not-modified poll; otherwise a new deploy.
            if stamp != previous {
                try daemon.serve(Fixtures.folkeregisteret(stamp))
                try processes.serve(Fixtures.folkeregisteret(stamp))
            }
            previous = stamp
            let warm = try await daemon.poll()
            let cold = try await processes.pollAsNewProcess()
            #expect(warm.outcome == cold.outcome, "\(stamp)")
            #expect(summary(warm) == summary(cold), "\(stamp)")
            total += warm.changes.count
        }
        #expect(total > 800)
        #expect(try await daemon.runtime.store.notices().count == processes.runtime.store.notices().count)
    }

    @Test func aPollByAnotherProcessIsNotHiddenByTheMemory() async throws {
        let box = try Sandbox(); defer { box.remove() }
        try box.serve(Fixtures.folkeregisteret("2026-07-03"))
        _ = try await box.poll()
        // Another process (say `poll --once` beside the daemon) stores the next build first.
        try box.serve(Fixtures.folkeregisteret("2026-07-07-1158"))
        let other = try await box.pollAsNewProcess()
        #expect(other.counts == [.new: 1])
        // The daemon's next poll must not report that notice as new again.
        try box.serve(Fixtures.folkeregisteret("2026-07-07-1158"))
        let daemon = try await box.poll()
        #expect(daemon.changes.isEmpty)
    }
}
