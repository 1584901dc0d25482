import FeedParse
import Foundation
import NoticeDiff
import TestSupport
import Testing
import VarselModel

/// The 2024-08-15 incident replayed through the differ alone: the real 10:29 build, the two
/// retitles rebuilt from it (`RetitledIncident`: new title, guid and date each time, the second
/// also marked resolved), then the real 11:52 build without it, twice. State is carried from poll
/// to poll by `applying`, exactly as the store would keep it.
@Suite struct RetitleReplayTests {
    let differ = NoticeDiffer(withdrawAfterPolls: 2)
    let now = Date(timeIntervalSince1970: 1_723_716_000)

    private func entries(_ data: Data, _ name: String) throws -> [FeedEntry] {
        try FeedParser().parse([UInt8](data), source: name).entries
    }

    /// Polls each build in turn; returns every poll's updates and the stored state at the end.
    private func replay(_ builds: [[FeedEntry]]) -> (polls: [[NoticeUpdate]], stored: [StoredNotice]) {
        var stored: [StoredNotice] = []
        var polls: [[NoticeUpdate]] = []
        for (index, entries) in builds.enumerated() {
            let updates = differ.diff(stored: stored, entries: entries, isFirstPoll: index == 0, now: now)
            polls.append(updates)
            stored = stored.applying(updates)
        }
        return (polls, stored)
    }

    @Test func retitledTwiceThenDeletedIsChangedChangedWithdrawn() throws {
        let gone = try entries(Data(contentsOf: RetitledIncident.after), "1152")
        let builds = [
            try entries(Data(contentsOf: RetitledIncident.before), "1029"),
            try entries(RetitledIncident.firstRetitle(), "retitle 1"),
            try entries(RetitledIncident.secondRetitle(), "retitle 2"),
            gone, gone,
        ]
        // The rebuilt feeds really carry the incident under its new titles, ids and dates.
        #expect(builds[1].first?.id == RetitledIncident.secondID && builds[2].first?.id == RetitledIncident.thirdID)
        #expect(Set([builds[0][0].published, builds[1][0].published, builds[2][0].published]).count == 3)
        #expect(builds[2][0].contentText.hasSuffix("Feilen er nå løst."))

        let (polls, stored) = replay(builds)
        #expect(polls[0].allSatisfy { $0.change == .baseline } && polls[0].count == 495)
        let alerts = polls.dropFirst().map { $0.compactMap(\.change) }
        #expect(alerts == [[.changed], [.changed], [], [.withdrawn]])
        #expect(!polls.joined().contains { $0.change == .new })

        let first = NoticeID(RetitledIncident.firstID)
        #expect(polls[1].map(\.noticeID) == [first] && polls[1][0].newEntryID == RetitledIncident.secondID)
        #expect(polls[1][0].reason == .reidentified(previousEntryID: RetitledIncident.firstID, evidence: .sameBody))
        #expect(polls[2].map(\.noticeID) == [first] && polls[2][0].newEntryID == RetitledIncident.thirdID)
        #expect(polls[2][0].reason == .reidentified(previousEntryID: RetitledIncident.secondID, evidence: .similarBody))
        #expect(polls[3].map(\.reason) == [.missing] && polls[4].map(\.noticeID) == [first])

        let notice = try #require(stored.first { $0.id == first })
        #expect(notice.status == .withdrawn && notice.entryID == RetitledIncident.thirdID)
        #expect(notice.aliases == [RetitledIncident.firstID, RetitledIncident.secondID])
        #expect(stored.count == 495)
    }

    @Test func slugFollowsTheFeedsOwnGuids() {
        #expect(RetitledIncident.slug("Driftsmelding - Driftsproblemer 14.08") == "driftsmelding-driftsproblemer-14.08")
        #expect(RetitledIncident.slug("Driftsproblemer løst") == "driftsproblemer-lost")
        #expect(RetitledIncident.slug("Forbedringer på Oppslag i nettleser") == "forbedringer-pa-oppslag-i-nettleser")
    }
}
