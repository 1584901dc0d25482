import Foundation
import NoticeDiff
import Testing
import VarselModel

/// 2024-08-15 00:00 UTC, the day of the real incident's retitles.
private let midnight = Date(timeIntervalSince1970: 1_723_680_000)
private let now = midnight.addingTimeInterval(86_400)

/// An RSS-like entry published `hours` after `midnight` (negative: the day before).
private func item(_ id: String, _ title: String, hours: Double, _ text: String) -> FeedEntry {
    FeedEntry(
        id: id, title: title, published: midnight.addingTimeInterval(hours * 3600), contentText: text,
        contentHTML: "<p>\(text)</p>")
}

/// The notice as the store holds it after a poll that saw `entry`.
private func kept(_ entry: FeedEntry, status: NoticeStatus = .active) -> StoredNotice {
    StoredNotice(
        id: NoticeID(entry.id), entryID: entry.id, status: status, fingerprint: Fingerprint(entry),
        published: entry.published, updated: entry.updated,
        bodyText: status == .active ? StoredNotice.bodyText(of: entry) : nil)
}

/// The real incident text (10:29 build) and the same with the resolution line appended.
private let incident = "Vi har for tiden driftproblemer. Det jobbes med feilsøking\nFeilen oppstod ca. kl. 09:45"
private let resolved = incident + "\nFeilen er nå løst."
/// An old notice keeping every test's window open far below the notices under test.
private let old = item("old", "Eldre nyhet", hours: -24 * 60, "Noe helt annet fra før i sommer.")

@Suite struct ReidentificationTests {
    let differ = NoticeDiffer(withdrawAfterPolls: 2)

    private func diff(_ stored: [StoredNotice], _ entries: [FeedEntry]) -> [NoticeUpdate] {
        differ.diff(stored: stored, entries: entries + [old], isFirstPoll: false, now: now)
    }

    @Test func retitledAndRedatedNoticeWithSameBodyIsChanged() {
        let before = item("d-14.08", "Driftsproblemer 14.08", hours: -13.7, incident)
        let after = item("d-15.08", "Driftsproblemer 15.08", hours: 6.5, incident)
        let updates = diff([kept(before), kept(old)], [after])
        #expect(updates.map(\.change) == [.changed])
        #expect(updates[0].noticeID == NoticeID("d-14.08") && updates[0].newEntryID == "d-15.08")
        #expect(updates[0].reason == .reidentified(previousEntryID: "d-14.08", evidence: .sameBody))
    }

    @Test func retitledRedatedAndResolvedTheSameDayIsChanged() {
        let before = item("d-15.08", "Driftsproblemer 15.08", hours: 6.5, incident)
        let after = item("lost-d-15.08", "LØST - Driftsproblemer 15.08", hours: 9.7, resolved)
        let updates = diff([kept(before), kept(old)], [after])
        #expect(updates.map(\.change) == [.changed])
        #expect(updates[0].noticeID == NoticeID("d-15.08") && updates[0].newEntryID == "lost-d-15.08")
        #expect(updates[0].reason == .reidentified(previousEntryID: "d-15.08", evidence: .similarBody))
    }

    @Test func editedBodyOnAnotherDayIsNotMerged() {
        let before = item("d-14.08", "Driftsproblemer 14.08", hours: -13.7, incident)
        let after = item("lost", "LØST - Driftsproblemer", hours: 30, resolved)
        let updates = diff([kept(before), kept(old)], [after])
        #expect(updates.map(\.change) == [.new, nil])
        #expect(updates[1].noticeID == NoticeID("d-14.08") && updates[1].reason == .missing)
    }

    /// Two real notices Folkeregisteret published on 2024-06-11: the incident and its resolution.
    @Test func differentNoticeOfTheSameDayIsNotMerged() {
        let incident = item(
            "driftsproblemer-11.06.2024", "Driftsproblemer 11.06.2024", hours: 12.4,
            "Det er for tiden problemer med tjenestene våre. Feilsøking pågår.")
        let resolution = item(
            "driftsproblemer-lost", "Driftsproblemer løst", hours: 13.6, "Problemene med våre tjenester er nå løst.")
        let updates = diff([kept(incident), kept(old)], [resolution])
        #expect(updates.map(\.change) == [.new, nil])
        #expect(updates[0].noticeID == NoticeID("driftsproblemer-lost"))
        #expect(updates[1].noticeID == NoticeID("driftsproblemer-11.06.2024") && updates[1].reason == .missing)
    }

    /// The same day's incident reposted with a line added (also real, 2024-06-11) scores 0.67:
    /// below the threshold on purpose, so it stays a withdrawal and a new notice.
    @Test func bodyWithTooManyNewWordsIsNotMerged() {
        let first = item(
            "driftsproblemer-11.06.2024", "Driftsproblemer 11.06.2024", hours: 12.4,
            "Det er for tiden problemer med tjenestene våre. Feilsøking pågår.")
        let second = item(
            "driftsmelding-driftsproblemer-11.06.2024", "Driftsmelding - Driftsproblemer 11.06.2024", hours: 10.85,
            "Det er for tiden problemer med tjenestene våre. Feilsøking pågår.\nFeil Oppsto ca: 10:11")
        let updates = diff([kept(first), kept(old)], [second])
        #expect(updates.map(\.change) == [.new, nil])
    }

    @Test func shortBodiesAreNeverMergedBySimilarity() {
        let before = item("a", "Driftsproblemer", hours: 8, "Feilsøking pågår.")
        let after = item("b", "Driftsproblemer - LØST", hours: 9, "Feilsøking pågår. Løst.")
        let updates = diff([kept(before), kept(old)], [after])
        #expect(updates.map(\.change) == [.new, nil])
    }

    @Test func unrelatedNewNoticeInTheSamePollAsARetitleStaysNew() {
        let before = item("d-14.08", "Driftsproblemer 14.08", hours: -13.7, incident)
        let retitled = item("d-15.08", "Driftsproblemer 15.08", hours: 6.5, incident)
        let unrelated = item("vedlikehold", "Planlagt vedlikehold", hours: 7, "Planlagt vedlikehold av testmiljøet i kveld.")
        let updates = diff([kept(before), kept(old)], [unrelated, retitled])
        #expect(updates.map(\.change) == [.new, .changed])
        #expect(updates[0].noticeID == NoticeID("vedlikehold"))
        #expect(updates[1].noticeID == NoticeID("d-14.08") && updates[1].newEntryID == "d-15.08")
    }

    /// The retitle matches by its exact body; a second new notice that only resembles it (same
    /// day, nearly the same words) does not make the retitle ambiguous, and stays new.
    @Test func exactRetitleWinsOverASimilarNewNoticeInTheSamePoll() {
        let before = item("d-14.08", "Driftsproblemer 14.08", hours: 9, incident)
        let retitled = item("d-15.08", "Driftsproblemer 15.08", hours: 10, incident)
        let similar = item("d-ny", "Nye driftsproblemer", hours: 11, resolved)
        let updates = diff([kept(before), kept(old)], [similar, retitled])
        #expect(updates.map(\.change) == [.new, .changed])
        #expect(updates[1].reason == .reidentified(previousEntryID: "d-14.08", evidence: .sameBody))
    }

    @Test func twoMissingNoticesWithTheSameBodyAreNotMerged() {
        let a = item("a", "Driftsproblemer 13.08", hours: -30, incident)
        let b = item("b", "Driftsproblemer 14.08", hours: -10, incident)
        let c = item("c", "Driftsproblemer 15.08", hours: 6, incident)
        let updates = diff([kept(a), kept(b), kept(old)], [c])
        #expect(updates.map(\.change) == [.new, nil, nil])
        #expect(updates.dropFirst().allSatisfy { $0.reason == .missing })
    }

    @Test func twoNewEntriesMatchingOneMissingNoticeAreNotMerged() {
        let a = item("a", "Driftsproblemer 14.08", hours: -10, incident)
        let b = item("b", "Driftsproblemer 15.08", hours: 6, incident)
        let c = item("c", "Driftsproblemer 15.08 (kopi)", hours: 7, incident)
        let updates = diff([kept(a), kept(old)], [b, c])
        #expect(updates.map(\.change) == [.new, .new, nil])
        #expect(updates[2].noticeID == NoticeID("a") && updates[2].reason == .missing)
    }

    @Test func twoSimilarNewEntriesForOneMissingNoticeAreNotMerged() {
        let a = item("a", "Driftsproblemer 15.08", hours: 6, incident)
        let b = item("b", "LØST - Driftsproblemer 15.08", hours: 9, resolved)
        let c = item("c", "Driftsproblemer 15.08 - løst", hours: 10, resolved + " Takk.")
        let updates = diff([kept(a), kept(old)], [b, c])
        #expect(updates.map(\.change) == [.new, .new, nil])
    }

    /// A notice that falls off the bottom while a new one with the same boilerplate body is
    /// posted is not a retitle: only notices inside the window are paired whatever their date.
    @Test func noticeFallingOffTheBottomIsNotPairedByBodyAlone() {
        let bottom = item("vedlikehold-mai", "Vedlikehold mai", hours: -24 * 90, "Planlagt vedlikehold av tjenestene våre.")
        let fresh = item("vedlikehold-august", "Vedlikehold august", hours: 8, "Planlagt vedlikehold av tjenestene våre.")
        let updates = diff([kept(bottom), kept(old)], [fresh])
        #expect(updates.map(\.change) == [.new, .expired])
    }

    @Test func withdrawnNoticeUnderNewIDWithSameDateAndBodyReappears() {
        let before = item("d-14.08", "Driftsproblemer 14.08", hours: 9, incident)
        let after = item("d-14.08-igjen", "Driftsproblemer 14.08 igjen", hours: 9, incident)
        let updates = diff([kept(before, status: .withdrawn), kept(old)], [after])
        #expect(updates.map(\.change) == [.reappeared])
        #expect(updates[0].reason == .reidentified(previousEntryID: "d-14.08", evidence: .sameDateAndBody))
    }

    @Test func withdrawnNoticeIsNotRecognisedUnderAnotherDate() {
        let before = item("d-14.08", "Driftsproblemer 14.08", hours: -10, incident)
        let after = item("d-15.08", "Driftsproblemer 15.08", hours: 6, incident)
        let updates = diff([kept(before, status: .withdrawn), kept(old)], [after])
        #expect(updates.map(\.change) == [.new])
    }

    @Test func appliedUpdatesKeepBodyTextForActiveNoticesOnly() {
        let before = item("d-14.08", "Driftsproblemer 14.08", hours: 6.5, incident)
        let after = item("d-15.08", "LØST - Driftsproblemer 15.08", hours: 9.7, resolved)
        let stored = [kept(before), kept(old)]
        let merged = stored.applying(diff(stored, [after]))
        #expect(merged[0].bodyText == StoredNotice.bodyText(of: after))
        #expect(merged[0].entryID == "d-15.08" && merged[0].aliases == ["d-14.08"])
        let missing = merged.applying(diff(merged, []))
        let withdrawn = missing.applying(diff(missing, []))
        #expect(withdrawn[0].status == .withdrawn && withdrawn[0].bodyText == nil)
    }
}
