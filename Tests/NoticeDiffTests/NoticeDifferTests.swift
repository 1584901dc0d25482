import Foundation
import NoticeDiff
import Testing
import VarselModel

/// Builds entries and their stored counterparts the way a poll would.
private func entry(_ id: String, _ title: String, day: Int?, text: String = "Tekst", html: String? = nil) -> FeedEntry {
    let date = day.map { Date(timeIntervalSince1970: 1_700_000_000 + Double($0) * 86_400) }
    return FeedEntry(id: id, title: title, published: date, contentText: text, contentHTML: html ?? "<p>\(text)</p>")
}

private func stored(_ e: FeedEntry, status: NoticeStatus = .active, missing: Int = 0, aliases: [String] = []) -> StoredNotice {
    StoredNotice(
        id: NoticeID(e.id), entryID: e.id, aliases: aliases, status: status, fingerprint: Fingerprint(e),
        published: e.published, updated: e.updated, missingPolls: missing)
}

private let now = Date(timeIntervalSince1970: 1_800_000_000)

@Suite struct NoticeDifferTests {
    let differ = NoticeDiffer(withdrawAfterPolls: 2)

    @Test func firstPollIsBaselineWithoutAlerts() {
        let entries = [entry("a", "A", day: 3), entry("b", "B", day: 2)]
        let updates = differ.diff(stored: [], entries: entries, isFirstPoll: true, now: now)
        #expect(updates.map(\.change) == [.baseline, .baseline])
        #expect(updates.allSatisfy { $0.change?.isAlerting == false })
    }

    @Test func baselineAlertMaxAgeAlertsOnlyRecentEntries() {
        let recent = FeedEntry(id: "r", title: "R", published: now.addingTimeInterval(-3600))
        let old = FeedEntry(id: "o", title: "O", published: now.addingTimeInterval(-30 * 86_400))
        let differ = NoticeDiffer(withdrawAfterPolls: 2, baselineAlertMaxAge: 86_400)
        let updates = differ.diff(stored: [], entries: [recent, old], isFirstPoll: true, now: now)
        #expect(updates.map(\.change) == [.new, .baseline])
    }

    @Test func unchangedEntryProducesNoUpdate() {
        let a = entry("a", "A", day: 1)
        #expect(differ.diff(stored: [stored(a)], entries: [a], isFirstPoll: false, now: now).isEmpty)
    }

    @Test func textChangeIsChanged() {
        let before = entry("a", "Manglende oppdatering", day: 1)
        let after = entry("a", "Manglende oppdatering - LØST", day: 1)
        let updates = differ.diff(stored: [stored(before)], entries: [after], isFirstPoll: false, now: now)
        #expect(updates.map(\.change) == [.changed])
        #expect(updates.first?.recordsVersion == true)
    }

    @Test func markupOnlyEditIsRecordedButNotChanged() {
        let before = entry("a", "A", day: 1, text: "Overskrift Tekst", html: "<h3>Overskrift</h3><p>Tekst</p>")
        let after = entry("a", "A", day: 1, text: "Overskrift  Tekst", html: "<p><strong>Overskrift</strong></p><p>Tekst</p>")
        let updates = differ.diff(stored: [stored(before)], entries: [after], isFirstPoll: false, now: now)
        #expect(updates.count == 1)
        #expect(updates.first?.change == nil)
        #expect(updates.first?.reason == .versionOnly)
        #expect(updates.first?.recordsVersion == true)
    }

    @Test func updatedDateAloneIsNotChanged() {
        let before = entry("a", "A", day: 1)
        var after = before
        after.updated = now
        let updates = differ.diff(stored: [stored(before)], entries: [after], isFirstPoll: false, now: now)
        #expect(updates.map(\.change) == [nil])
        #expect(updates.first?.reason == .versionOnly)
    }

    @Test func absentInsideWindowIsWithdrawnOnlyAfterThreshold() {
        let old = entry("old", "Old", day: 1), mid = entry("mid", "Mid", day: 2), top = entry("top", "Top", day: 3)
        let first = differ.diff(
            stored: [stored(old), stored(mid), stored(top)], entries: [top, old], isFirstPoll: false, now: now)
        #expect(first.count == 1)
        #expect(first[0].change == nil && first[0].reason == .missing && first[0].missingPolls == 1)
        let second = differ.diff(
            stored: [stored(old), stored(mid, missing: 1), stored(top)], entries: [top, old], isFirstPoll: false, now: now)
        #expect(second.map(\.change) == [.withdrawn])
        #expect(second[0].status == .withdrawn)
    }

    @Test func notModifiedPollCountsMissingNoticesTowardsWithdrawal() {
        let a = entry("a", "A", day: 2), b = entry("b", "B", day: 3)
        let updates = differ.stillAbsent([stored(a, missing: 1), stored(b)])
        #expect(updates.map(\.noticeID.rawValue) == ["a"])
        #expect(updates[0].change == .withdrawn && updates[0].status == .withdrawn && updates[0].missingPolls == 2)
        let patient = NoticeDiffer(withdrawAfterPolls: 3).stillAbsent([stored(a, missing: 1)])
        #expect(patient[0].change == nil && patient[0].missingPolls == 2)
    }

    @Test func missingNoticeBackBeforeThresholdResetsSilently() {
        let a = entry("a", "A", day: 2), b = entry("b", "B", day: 1)
        let updates = differ.diff(stored: [stored(a, missing: 1), stored(b)], entries: [a, b], isFirstPoll: false, now: now)
        #expect(updates.map(\.change) == [nil])
        #expect(updates[0].reason == .backBeforeThreshold && updates[0].missingPolls == 0)
    }

    @Test func fallingOffTheBottomIsExpiredNotWithdrawn() {
        let oldest = entry("x", "X", day: 1), kept = entry("y", "Y", day: 2)
        let updates = differ.diff(stored: [stored(oldest), stored(kept)], entries: [kept], isFirstPoll: false, now: now)
        #expect(updates.map(\.change) == [.expired])
        #expect(updates[0].change?.isAlerting == false)
    }

    @Test func expiredNoticeBackInFeedIsRestoredSilently() {
        let a = entry("a", "A", day: 1), b = entry("b", "B", day: 2)
        let updates = differ.diff(
            stored: [stored(a, status: .expired), stored(b)], entries: [b, a], isFirstPoll: false, now: now)
        #expect(updates.map(\.change) == [nil])
        #expect(updates[0].reason == .restored && updates[0].status == .active)
    }

    @Test func withdrawnNoticeBackIsReappeared() {
        let a = entry("a", "A", day: 2)
        let updates = differ.diff(stored: [stored(a, status: .withdrawn)], entries: [a], isFirstPoll: false, now: now)
        #expect(updates.map(\.change) == [.reappeared])
    }

    @Test func retitledNoticeUnderNewIDIsChangedAndKeepsItsID() {
        let before = entry("feed/driftsproblemer-14.08", "Driftsproblemer 14.08", day: 5, text: "Vi har problemer")
        let after = entry("feed/driftsproblemer-15.08", "Driftsproblemer 15.08", day: 5, text: "Vi har problemer")
        let other = entry("feed/eldre", "Eldre", day: 1)
        let updates = differ.diff(
            stored: [stored(before), stored(other)], entries: [after, other], isFirstPoll: false, now: now)
        #expect(updates.count == 1)
        #expect(updates[0].noticeID == NoticeID("feed/driftsproblemer-14.08"))
        #expect(updates[0].change == .changed)
        #expect(updates[0].newEntryID == "feed/driftsproblemer-15.08")
    }

    @Test func retitleAfterOldIDExpiredIsStillRecognised() {
        let before = entry("old-title", "Old title", day: 5, text: "Samme tekst")
        let after = entry("new-title", "New title", day: 5, text: "Samme tekst")
        let updates = differ.diff(stored: [stored(before, status: .expired)], entries: [after], isFirstPoll: false, now: now)
        #expect(updates.map(\.change) == [.changed])
        #expect(updates[0].noticeID == NoticeID("old-title") && updates[0].status == .active)
    }

    @Test func expiredNoticeIsNotRecognisedBySameTextUnderAnotherDate() {
        // Only an active notice inside the window is re-identified whatever its date
        // (ReidentificationTests); one that expired needs its date to match too.
        let before = entry("a", "A", day: 7, text: "Samme tekst")
        let after = entry("b", "B", day: 6, text: "Samme tekst")
        let updates = differ.diff(stored: [stored(before, status: .expired)], entries: [after], isFirstPoll: false, now: now)
        #expect(updates.map(\.change) == [.new])
        #expect(updates[0].noticeID == NoticeID("b"))
    }

    @Test func sharedIDThatBecomesUniqueAfterTruncationIsNotAChange() {
        // Full feed: two distinct "vedlikehold" items; truncated feed keeps only the newer one.
        let newer = entry("vedlikehold", "Vedlikehold", day: 9, text: "Nytt vedlikehold")
        let older = entry("vedlikehold", "Vedlikehold", day: 1, text: "Gammelt vedlikehold")
        let full = EntryIdentity.assign([newer, older])
        let stored = full.map { item in
            StoredNotice(
                id: NoticeID(item.entry.id), entryID: item.entry.id, status: .active, fingerprint: item.fingerprint,
                published: item.entry.published, updated: nil)
        }
        let updates = differ.diff(stored: stored, entries: [newer], isFirstPoll: false, now: now)
        #expect(updates.compactMap(\.change) == [.expired])
        let moved = try? #require(updates.first { $0.newEntryID != nil })
        #expect(moved?.noticeID == NoticeID("vedlikehold#2023-11-23T22:13Z") && moved?.change == nil)
    }

    @Test func aliasIDFindsTheNotice() {
        let current = entry("new-id", "T", day: 2)
        var notice = stored(current, aliases: ["old-id"])
        notice.id = NoticeID("old-id")
        var back = current
        back.id = "old-id"
        let updates = differ.diff(stored: [notice], entries: [back], isFirstPoll: false, now: now)
        #expect(updates.isEmpty)
    }

    @Test func twoEntriesWithSameTitleAreTwoNotices() {
        let a = entry("n/2023/11/13/a", "Driftsvarsel 13.11.2023", day: 3, text: "Nedetid")
        let b = entry("n/2023/11/13/b", "Driftsvarsel 13.11.2023", day: 3, text: "Normal drift")
        let updates = differ.diff(stored: [], entries: [a, b], isFirstPoll: false, now: now)
        #expect(updates.map(\.change) == [.new, .new])
    }
}

@Suite struct EntryIdentityTests {
    @Test func identicalDuplicatesCollapseToOne() {
        let a = entry("dup", "Driftsmelding - 04.10.2023", day: 1)
        let assigned = EntryIdentity.assign([a, a, entry("x", "X", day: 0)])
        #expect(assigned.map(\.entry.id) == ["dup", "x"])
    }

    @Test func distinctEntriesSharingAnIDAreToldApartByPublicationTime() {
        let newer = entry("vedlikehold", "Vedlikehold", day: 9, text: "Nytt vedlikehold")
        let older = entry("vedlikehold", "Vedlikehold", day: 1, text: "Gammelt vedlikehold")
        let assigned = EntryIdentity.assign([newer, older])
        // day 9 = 1_700_777_600 s = 2023-11-23T22:13:20Z
        #expect(assigned.map(\.entry.id) == ["vedlikehold#2023-11-23T22:13Z", "vedlikehold#2023-11-15T22:13Z"])
    }

    @Test func undatedEntriesSharingAnIDAreNumberedFromTheBottom() {
        let newer = entry("driftsproblemer", "Driftsproblemer", day: nil, text: "Nye problemer")
        let older = entry("driftsproblemer", "Driftsproblemer", day: nil, text: "Gamle problemer")
        let assigned = EntryIdentity.assign([newer, older])
        #expect(assigned.map(\.entry.id) == ["driftsproblemer#2", "driftsproblemer"])
    }
}

@Suite struct FingerprintTests {
    @Test func whitespaceAndZeroWidthSpacesDoNotChangeText() {
        let a = FeedEntry(id: "a", title: "Tittel", contentText: "En  tekst\n med\u{200B} mellomrom")
        let b = FeedEntry(id: "a", title: " Tittel ", contentText: "En tekst med mellomrom")
        #expect(Fingerprint(a).text == Fingerprint(b).text)
    }

    @Test func decomposedAndComposedLettersHashTheSame() {
        let a = FeedEntry(id: "a", title: "Skatteoppgj\u{00F8}r p\u{00E5}")
        let b = FeedEntry(id: "a", title: "Skatteoppgj\u{00F8}r pa\u{030A}")
        #expect(Fingerprint(a).text == Fingerprint(b).text)
    }

    @Test func titleIsPartOfTextButNotBody() {
        let a = FeedEntry(id: "a", title: "En", contentText: "Samme")
        let b = FeedEntry(id: "a", title: "To", contentText: "Samme")
        #expect(Fingerprint(a).text != Fingerprint(b).text)
        #expect(Fingerprint(a).body == Fingerprint(b).body)
    }
}

@Suite struct NormalizeTests {
    @Test(arguments: [
        ("  a \t b\n\nc  ", "a b c"),
        ("nbsp\u{00A0}here", "nbsp here"),
        ("zero\u{200B}width", "zero width"),
        ("em\u{2003}space and\u{3000}ideographic", "em space and ideographic"),
        ("line\u{2028}sep", "line sep"),
        ("Skatteoppgj\u{00F8}r", "Skatteoppgj\u{00F8}r"),
        ("pa\u{030A}", "p\u{00E5}"),
        ("", ""),
    ])
    func normalizeCollapsesWhitespaceAndComposes(input: String, expected: String) {
        #expect(Fingerprint.normalize(input) == expected)
        #expect(Array(Fingerprint.normalize(input).utf8) == Array(expected.utf8))
    }
}
