import Foundation
import NoticeStore
import TestSupport
import Testing
import VarselApp
import VarselModel

/// The 2024-08-15 incident through the whole poll cycle (file fetch, parse, diff, classify,
/// SQLite): retitled, re-dated and finally resolved under a third guid, then deleted. Subscribers
/// must hear of one notice changing twice and then withdrawn, never of a second new notice.
@Suite(.serialized) struct RetitledIncidentReplayTests {
    @Test func retitledTwiceThenDeletedIsChangedChangedWithdrawnUnderTheFirstID() async throws {
        let box = try Sandbox(withdrawAfter: 2); defer { box.remove() }
        let first = RetitledIncident.firstID
        try box.serve(RetitledIncident.before)
        #expect(try await box.poll().counts == [.baseline: 495])

        try box.serve(RetitledIncident.firstRetitle())
        let retitled = try await box.poll()
        #expect(retitled.counts == [.changed: 1])
        #expect(retitled.changes.first?.noticeID.rawValue == first)
        #expect(retitled.changes.first?.title == RetitledIncident.secondTitle)

        try box.serve(RetitledIncident.secondRetitle())
        let resolved = try await box.poll()
        #expect(resolved.counts == [.changed: 1])
        #expect(resolved.changes.first?.noticeID.rawValue == first)
        #expect(resolved.changes.first?.title == RetitledIncident.thirdTitle)

        try box.serve(RetitledIncident.after)
        #expect(try await box.poll().changes.isEmpty)
        // The same build again (not modified): missing for withdraw_after_polls = 2 polls.
        let withdrawn = try await box.poll()
        #expect(withdrawn.outcome == .notModified && withdrawn.counts == [.withdrawn: 1])
        #expect(withdrawn.changes.first?.noticeID.rawValue == first)

        let history = try await box.runtime.store.changes(ChangeFilter(alertingOnly: true))
        #expect(history.map(\.change).sorted { $0.rawValue < $1.rawValue } == [.changed, .changed, .withdrawn])
        #expect(Set(history.map(\.noticeID.rawValue)) == [first])
        // Every id the feed gave it finds the one notice; its versions keep each title.
        for id in [first, RetitledIncident.secondID, RetitledIncident.thirdID] {
            #expect(try await box.runtime.store.notice(id).notice.id.rawValue == first, "\(id)")
        }
        let detail = try await box.runtime.store.notice(first)
        #expect(
            detail.versions.map(\.entry.title)
                == [RetitledIncident.firstTitle, RetitledIncident.secondTitle, RetitledIncident.thirdTitle])
        #expect(detail.notice.status == .withdrawn && detail.notice.entry.id == RetitledIncident.thirdID)
        #expect(detail.notice.aliases.sorted() == [first, RetitledIncident.secondID])
    }
}
