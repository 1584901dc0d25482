import Foundation
import NoticeStore
import Testing
import VarselModel

/// `Classification.unrecognisedAPIs` is stored per notice (migration v5) and read back, per name,
/// by `unrecognisedAPIs()` (`varselvakt catalog unknown`).
@Suite struct UnrecognisedAPITests {
    private func entry(_ id: String, published: Date) -> NoticeUpdate {
        NoticeUpdate(
            noticeID: NoticeID(id), change: .baseline, reason: .baseline,
            entry: FeedEntry(id: id, title: "Varsel \(id)", published: published, contentText: "Tekst"),
            fingerprint: Fingerprint(text: id, body: "b", version: id + "v"), recordsVersion: true, status: .active,
            missingPolls: 0)
    }

    private func unrecognised(_ names: [String]) -> Classification {
        Classification(kind: .news, apis: [], scope: .unknown, unrecognisedAPIs: names)
    }

    @Test func namesAreListedWithTheNoticesThatUsedThemNewestFirst() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(
            poll(
                [
                    entry("old", published: t0), entry("new", published: t0.addingTimeInterval(3600)),
                    entry("none", published: t0),
                ], at: t0,
                classifications: [
                    NoticeID("old"): unrecognised(["Skattekort API", "Arbeidsgiver API"]),
                    NoticeID("new"): unrecognised(["Skattekort API"]),
                    NoticeID("none"): unrecognised([]),
                ]))

        let names = try await store.unrecognisedAPIs()
        #expect(names.map(\.name) == ["Arbeidsgiver API", "Skattekort API"])
        #expect(names[0].notices.map(\.id) == [NoticeID("old")])
        #expect(names[1].notices.map(\.id) == [NoticeID("new"), NoticeID("old")])
        #expect(names[1].notices[0].title == "Varsel new" && names[1].notices[0].feedID == feed)
        #expect(names[1].notices[0].published == t0.addingTimeInterval(3600) && names[1].notices[0].status == .active)
        #expect(try await store.notice("old").notice.classification.unrecognisedAPIs == ["Skattekort API", "Arbeidsgiver API"])
    }

    @Test func aNewClassificationReplacesTheNamesAndAReadOnlyStoreSeesThem() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(
            poll([update("a", .baseline)], at: t0, classifications: [NoticeID("a"): unrecognised(["Gammel API"])]))
        _ = try await store.recordModified(
            poll(
                [update("a", .changed, title: "Ny tittel", hash: "t2")], at: t0.addingTimeInterval(60),
                classifications: [NoticeID("a"): unrecognised(["Ny API"])]))

        let reader = try NoticeStore(path: temp.path, readOnly: true)
        let names = try await reader.unrecognisedAPIs()
        #expect(names.map(\.name) == ["Ny API"])
        #expect(names[0].notices.map(\.title) == ["Ny tittel"])
    }

    @Test func aStoreWithoutNamesListsNothing() async throws {
        let temp = TempStore(); defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(poll([update("a", .baseline)], at: t0))
        #expect(try await store.unrecognisedAPIs().isEmpty)
        #expect(try await store.notice("a").notice.classification.unrecognisedAPIs.isEmpty)
    }
}
