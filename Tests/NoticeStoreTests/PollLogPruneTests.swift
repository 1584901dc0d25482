import Foundation
import NoticeStore
import Testing
import VarselModel

/// The poll log (one line per poll) is pruned by age; the history it sits beside is not.
@Suite struct PollLogPruneTests {
    @Test func onlyPollLinesOlderThanTheCutOffAreDeletedAndTheNoticesStay() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        for day in 0..<10 {
            _ = try await store.recordModified(
                poll([update("n\(day)", day == 0 ? .baseline : .new)], at: t0.addingTimeInterval(Double(day) * 86_400)))
        }
        #expect(try await store.recentPolls(feed: feed, limit: 100).count == 10)
        let pruned = try await store.prunePollLog(before: t0.addingTimeInterval(4 * 86_400))
        #expect(pruned == 4)
        let kept = try await store.recentPolls(feed: feed, limit: 100)
        #expect(kept.count == 6 && kept.allSatisfy { $0.startedAt >= t0.addingTimeInterval(4 * 86_400) })
        #expect(try await store.notices().count == 10)
        #expect(try await store.changes(ChangeFilter()).count == 10)
        #expect(try await store.feedState(feed)?.lastSuccessAt != nil)
    }
}
