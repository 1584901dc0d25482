import Foundation
import NoticeStore
import Testing
import VarselModel

/// A fresh database file in its own temporary directory, removed at the end.
struct TempStore {
    let directory: URL
    let path: String

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-store-\(UUID().uuidString)")
        path = directory.appendingPathComponent("nested/state.sqlite").path
    }

    func open() throws -> NoticeStore { try NoticeStore(path: path) }
    func remove() { try? FileManager.default.removeItem(at: directory) }
}

let feed = FeedID("api")
let t0 = Date(timeIntervalSince1970: 1_700_000_000)

func update(
    _ id: String, _ change: ChangeType?, title: String = "Tittel", status: NoticeStatus = .active, hash: String = "t1",
    entry: Bool = true, newEntryID: String? = nil, recordsVersion: Bool = true
) -> NoticeUpdate {
    let e = FeedEntry(id: newEntryID ?? id, title: title, published: t0, categories: ["Drift"], contentText: "Tekst")
    return NoticeUpdate(
        noticeID: NoticeID(id), change: change, reason: .new, entry: entry ? e : nil,
        fingerprint: entry ? Fingerprint(text: hash, body: "b", version: hash + "v") : nil,
        recordsVersion: recordsVersion, status: status, missingPolls: 0, newEntryID: newEntryID)
}

/// A first sighting of `entry`, as the differ reports it on a baseline poll.
private func baseline(_ entry: FeedEntry) -> NoticeUpdate {
    NoticeUpdate(
        noticeID: NoticeID(entry.id), change: .baseline, reason: .baseline, entry: entry,
        fingerprint: Fingerprint(text: "t", body: "b", version: "v"), recordsVersion: true, status: .active,
        missingPolls: 0)
}

func poll(_ updates: [NoticeUpdate], at: Date, classifications: [NoticeID: Classification] = [:]) -> ModifiedPoll {
    ModifiedPoll(
        feed: feed, url: "file:///tmp/feed.xml", title: "Feed", etag: "\"e1\"", lastModified: nil, updates: updates,
        classifications: classifications,
        poll: PollRecord(
            feedID: feed, startedAt: at, duration: 0.01, outcome: .modified, httpStatus: 200, entries: updates.count),
        nextPollAt: nil)
}

@Suite struct NoticeStoreTests {
    @Test func baselineIsStoredWithVersionsAndChanges() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        let classification = Classification(kind: .incident, apis: ["restanser"], scope: .apis)
        let changes = try await store.recordModified(
            poll([update("a", .baseline), update("b", .baseline)], at: t0, classifications: [NoticeID("a"): classification]))
        #expect(changes.map(\.change) == [.baseline, .baseline])
        let stored = try await store.storedNotices(feed: feed)
        #expect(Set(stored.map(\.id.rawValue)) == ["a", "b"])
        let detail = try await store.notice("a")
        #expect(detail.notice.classification.kind == .incident)
        #expect(detail.notice.classification.apis == ["restanser"])
        #expect(detail.versions.count == 1 && detail.changes.count == 1)
        let state = try await store.feedState(feed)
        #expect(state?.etag == "\"e1\"" && state?.lastSuccessAt == t0)
    }

    @Test func changedNoticeGetsSecondVersionAndLinkedChange() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(poll([update("a", .baseline)], at: t0))
        let later = t0.addingTimeInterval(60)
        let changes = try await store.recordModified(poll([update("a", .changed, title: "Tittel - LØST", hash: "t2")], at: later))
        #expect(changes.first?.versionSeq == 2 && changes.first?.previousVersionSeq == 1)
        let detail = try await store.notice("a")
        #expect(detail.versions.map(\.entry.title) == ["Tittel", "Tittel - LØST"])
        #expect(detail.notice.lastChangedAt == later)
        let history = try await store.changes(ChangeFilter(alertingOnly: true))
        #expect(history.map(\.change) == [.changed])
    }

    @Test func reidentifiedNoticeKeepsOldIDAsAlias() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(poll([update("old-id", .baseline)], at: t0))
        _ = try await store.recordModified(poll([update("old-id", .changed, hash: "t2", newEntryID: "new-id")], at: t0 + 60))
        let stored = try await store.storedNotices(feed: feed)
        #expect(stored.count == 1)
        #expect(stored[0].entryID == "new-id" && stored[0].aliases == ["old-id"])
        #expect(try await store.notice("new-id").notice.id == NoticeID("old-id"))
    }

    @Test func storedNoticesCarryBodyTextOfActiveNoticesOnly() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(poll([update("a", .baseline), update("b", .baseline)], at: t0))
        _ = try await store.recordModified(
            poll([update("b", .withdrawn, status: .withdrawn, entry: false)], at: t0 + 60))
        let stored = try await store.storedNotices(feed: feed)
        let text = StoredNotice.bodyText(of: FeedEntry(id: "a", title: "Tittel", contentText: "Tekst"))
        #expect(stored.first { $0.id == NoticeID("a") }?.bodyText == text)
        #expect(stored.first { $0.id == NoticeID("b") }?.bodyText == nil)
    }

    @Test func failedPollLeavesNoticesAndValidatorsUntouched() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(poll([update("a", .baseline)], at: t0))
        let failures = try await store.recordFailure(
            feed: feed, url: "file:///tmp/feed.xml",
            poll: PollRecord(feedID: feed, startedAt: t0 + 60, duration: 0, outcome: .failed, error: "malformed"),
            nextPollAt: t0 + 120)
        #expect(failures == 1)
        let state = try #require(try await store.feedState(feed))
        #expect(state.etag == "\"e1\"" && state.lastError == "malformed" && state.consecutiveFailures == 1)
        #expect(try await store.storedNotices(feed: feed).map(\.status) == [.active])
        #expect(try await store.recentPolls(feed: feed).map(\.outcome) == [.failed, .modified])
    }

    @Test func withdrawalUpdatesStatusWithoutNewVersion() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(poll([update("a", .baseline)], at: t0))
        let changes = try await store.recordModified(
            poll([update("a", .withdrawn, status: .withdrawn, entry: false)], at: t0 + 60))
        #expect(changes.first?.versionSeq == 1 && changes.first?.previousVersionSeq == nil)
        #expect(try await store.notices(NoticeFilter(status: .withdrawn)).map(\.id.rawValue) == ["a"])
    }

    @Test func dataSurvivesReopeningTheFile() async throws {
        let temp = TempStore(); defer { temp.remove() }
        do {
            let store = try temp.open()
            _ = try await store.recordModified(poll([update("a", .baseline)], at: t0))
        }
        let reopened = try NoticeStore(path: temp.path, readOnly: true)
        #expect(try await reopened.notices().count == 1)
    }

    @Test func readOnlyOpenOfMissingFileNamesThePath() {
        let temp = TempStore(); defer { temp.remove() }
        #expect {
            _ = try NoticeStore(path: temp.path, readOnly: true)
        } throws: { error in
            String(describing: error).contains(temp.path)
        }
    }

    @Test func historyFiltersByAPI() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(
            poll(
                [update("a", .new), update("b", .new)], at: t0,
                classifications: [
                    NoticeID("a"): Classification(kind: .incident, apis: ["restanser"], scope: .apis),
                    NoticeID("b"): Classification(kind: .news, apis: ["inntekt"], scope: .apis),
                ]))
        #expect(try await store.changes(ChangeFilter(api: "inntekt")).map(\.noticeID.rawValue) == ["b"])
        #expect(try await store.notices(NoticeFilter(api: "restanser")).map(\.id.rawValue) == ["a"])
    }
}

@Suite struct JSONColumnTests {
    @Test func stringArraysRoundTripThroughTheStoreWithAwkwardCharacters() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        let categories = ["Drift", "Skatteoppgjør", "quote\"back\\slash", "tab\tnew\nline", "\u{1}ctl"]
        let e = FeedEntry(id: "a", title: "T", published: t0, categories: categories)
        let u = baseline(e)
        _ = try await store.recordModified(poll([u], at: t0))
        #expect(try await store.notice("a").notice.entry.categories == categories)
    }

}

@Suite struct StoredDateTests {
    @Test(arguments: [0.0, 1_700_000_000.123, 1_786_190_400.999, -86_400.5, 951_782_400.0])
    func datesRoundTripThroughTheStoreToTheMillisecond(seconds: Double) async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        let date = Date(timeIntervalSince1970: seconds)
        let e = FeedEntry(id: "a", title: "T", published: date, updated: date)
        let u = baseline(e)
        _ = try await store.recordModified(poll([u], at: date))
        let notice = try await store.notice("a").notice
        let expected = (seconds * 1000).rounded(.down) / 1000
        #expect(abs((notice.entry.published?.timeIntervalSince1970 ?? 0) - expected) < 0.0001)
        #expect(abs(notice.firstSeenAt.timeIntervalSince1970 - expected) < 0.0001)
    }
}

@Suite struct StoredNoticeReadTests {
    @Test func storedNoticesCarryTheDatesThatWereWritten() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        let published = Date(timeIntervalSince1970: 1_783_418_400.25)
        let e = FeedEntry(id: "a", title: "T", published: published, updated: nil)
        let u = baseline(e)
        _ = try await store.recordModified(poll([u], at: t0))
        let stored = try #require(try await store.storedNotices(feed: feed).first)
        #expect(abs((stored.published?.timeIntervalSince1970 ?? 0) - 1_783_418_400.25) < 0.0001)
        #expect(stored.updated == nil)
        #expect(stored.fingerprint == Fingerprint(text: "t", body: "b", version: "v"))
    }
}
