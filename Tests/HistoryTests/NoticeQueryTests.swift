import Foundation
import History
import NoticeStore
import Testing
import VarselModel

@Suite struct NoticeQueryTests {
    /// Five notices an hour apart (n1 oldest), one undated (first seen at t0 + 10h, so newest).
    static let notices: [TestNotice] = [
        TestNotice(
            id: "n1", title: "Driftsproblemer Folkeregisteret", text: "Feil ved oppslag i folkeregisteret.",
            published: t0, kind: .incident, apis: ["folkeregisteret"]),
        TestNotice(
            id: "n2", title: "Planlagt vedlikehold", text: "Inntekt API er utilgjengelig i testmiljøet.",
            published: t0.addingTimeInterval(3600), kind: .maintenance, apis: ["inntekt"], environment: .test),
        TestNotice(
            id: "n3", title: "Ny versjon av Inntekt API", text: "Versjon 2 av innsendingen lanseres.",
            published: t0.addingTimeInterval(7200), kind: .change, apis: ["inntekt"], environment: .both),
        TestNotice(
            id: "n4", title: "Løst: Folkeregisteret", text: "Normal drift igjen etter feilen.",
            published: t0.addingTimeInterval(10_800), kind: .resolved, apis: ["folkeregisteret"]),
        TestNotice(id: "n5", title: "Nyhet uten dato", text: "Ingen dato her. NEAR og \"sitater\"", published: nil, kind: .news),
    ]

    func filled() async throws -> HistoryFixture {
        let fixture = try HistoryFixture()
        try await fixture.add(Self.notices, at: t0.addingTimeInterval(36_000))
        return fixture
    }

    @Test func noticesComeNewestFirstWithUndatedOnesByFirstSight() async throws {
        let f = try await filled()
        defer { f.remove() }
        #expect(try await f.reader.noticeIDs(NoticeQuery()) == ["n5", "n4", "n3", "n2", "n1"])
    }

    @Test func eachFilterNarrowsTheList() async throws {
        let f = try await filled()
        defer { f.remove() }
        let r = f.reader
        #expect(try await r.noticeIDs(NoticeQuery(api: "inntekt")) == ["n3", "n2"])
        #expect(try await r.noticeIDs(NoticeQuery(kind: .maintenance)) == ["n2"])
        // A notice about both environments matches either.
        #expect(try await r.noticeIDs(NoticeQuery(environment: .test)) == ["n3", "n2"])
        #expect(try await r.noticeIDs(NoticeQuery(environment: .production)) == ["n5", "n4", "n3", "n1"])
        #expect(try await r.noticeIDs(NoticeQuery(environment: .both)) == ["n3"])
        #expect(try await r.noticeIDs(NoticeQuery(status: .withdrawn)).isEmpty)
        #expect(try await r.noticeIDs(NoticeQuery(status: .active)).count == 5)
        #expect(try await r.noticeIDs(NoticeQuery(feed: FeedID("other"))).isEmpty)
        // Published at or after `from`, before `to`; the undated one by first sight.
        #expect(
            try await r.noticeIDs(NoticeQuery(from: t0.addingTimeInterval(3600), to: t0.addingTimeInterval(10_800))) == [
                "n3", "n2",
            ])
        #expect(try await r.noticeIDs(NoticeQuery(from: t0.addingTimeInterval(30_000))) == ["n5"])
        #expect(try await r.noticeIDs(NoticeQuery(api: "inntekt", kind: .change)) == ["n3"])
    }

    @Test func freeTextFindsWordsInTitleAndTextWithPrefixesAndPhrases() async throws {
        let f = try await filled()
        defer { f.remove() }
        let r = f.reader
        #expect(try await r.noticeIDs(NoticeQuery(text: "vedlikehold")) == ["n2"])  // title
        #expect(try await r.noticeIDs(NoticeQuery(text: "oppslag")) == ["n1"])  // text
        #expect(try await r.noticeIDs(NoticeQuery(text: "FOLKEREGISTERET")) == ["n4", "n1"])  // case folded
        #expect(try await r.noticeIDs(NoticeQuery(text: "folkeregisteret feil")) == ["n1"])  // every word
        #expect(try await r.noticeIDs(NoticeQuery(text: "innsend*")) == ["n3"])  // prefix
        #expect(try await r.noticeIDs(NoticeQuery(text: "innsend")).isEmpty)  // whole words otherwise
        #expect(try await r.noticeIDs(NoticeQuery(text: "\"normal drift\"")) == ["n4"])  // phrase
        #expect(try await r.noticeIDs(NoticeQuery(text: "\"drift normal\"")).isEmpty)
        #expect(try await r.noticeIDs(NoticeQuery(text: "TESTMILJØET")) == ["n2"])  // Norwegian letters fold case
        #expect(try await r.noticeIDs(NoticeQuery(api: "inntekt", text: "versjon")) == ["n3"])
    }

    @Test func aWordInManyNoticesAndAWordInFewPageAlikeNewestFirst() async throws {
        // Above 200 matches the store walks the notices newest first instead of sorting the
        // matches: both plans must give the same pages.
        let f = try HistoryFixture()
        defer { f.remove() }
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        var notices: [TestNotice] = []
        for i in 0..<260 {
            let title = i % 2 == 0 ? "Vedlikehold \(i)" : "Feil \(i)"
            let text = i % 50 == 0 ? "sjelden" : "vanlig"
            let apis = i % 3 == 0 ? ["inntekt"] : ["folkeregisteret"]
            notices.append(
                TestNotice(
                    id: String(format: "m%03d", i), title: title, text: text,
                    published: start.addingTimeInterval(Double(i) * 60), apis: apis))
        }
        try await f.add(notices, at: start.addingTimeInterval(86_400))
        let newestFirst: [TestNotice] = notices.reversed()
        let common: [String] = newestFirst.filter { $0.text == "vanlig" }.map { $0.id }
        #expect(try await f.reader.noticeIDs(NoticeQuery(text: "vanlig", limit: 7)) == common)
        #expect(try await f.reader.noticeIDs(NoticeQuery(text: "sjelden", limit: 2)) == ["m250", "m200", "m150", "m100", "m050", "m000"])
        let both: [String] = newestFirst.filter { $0.apis == ["inntekt"] && $0.title.hasPrefix("Vedlikehold") }.map { $0.id }
        #expect(try await f.reader.noticeIDs(NoticeQuery(api: "inntekt", text: "vedlikehold", limit: 9)) == both)
    }

    @Test func hostileSearchTextIsSearchedForNeverAnError() async throws {
        let f = try await filled()
        defer { f.remove() }
        let r = f.reader
        for text in [
            "\"", "*", ")", "(", "NEAR(", "NEAR(a b)", "a OR b", "-feil", "^drift", "title:feil", "' OR 1=1 --",
            "'; DROP TABLE notice; --",
            "\"\"\"", "feil\"", "**", "a AND", "NOT", "{title}: x", "\\", "%", "_",
        ] {
            _ = try await r.notices(NoticeQuery(text: text))
        }
        // Operators are words: "NEAR" is found as the word it is, quotes are not syntax.
        #expect(try await r.noticeIDs(NoticeQuery(text: "NEAR(")) == ["n5"])
        #expect(try await r.noticeIDs(NoticeQuery(text: "sitater\"")) == ["n5"])
        #expect(try await r.noticeIDs(NoticeQuery(text: "-feil")) == ["n1"])
        #expect(try await r.noticeIDs(NoticeQuery(text: "' OR 1=1 --")).isEmpty)
        // Nothing searchable: no text filter at all.
        #expect(try await r.noticeIDs(NoticeQuery(text: "* ) \"")).count == 5)
        #expect(try await f.reader.noticeIDs(NoticeQuery()).count == 5)
    }

    @Test func pagesOfTwoWalkEveryNoticeOnceWhileNewOnesArrive() async throws {
        let f = try await filled()
        defer { f.remove() }
        var query = NoticeQuery(limit: 2)
        var seen: [String] = []
        var round = 0
        while true {
            let page = try await f.reader.notices(query)
            #expect(page.items.count <= 2)
            seen += page.items.map(\.id.rawValue)
            round += 1
            // A poll stores a newer notice between pages; it must not shift the older pages.
            try await f.add(
                [
                    TestNotice(
                        id: "late\(round)", title: "Sen melding \(round)",
                        published: t0.addingTimeInterval(100_000 + Double(round)))
                ],
                at: t0.addingTimeInterval(100_000))
            guard let next = page.next else { break }
            query.before = next
        }
        #expect(seen == ["n5", "n4", "n3", "n2", "n1"])
        #expect(round == 3)
        // Equal sort keys are ordered by id, so a page boundary between them loses nothing.
        let g = try HistoryFixture()
        defer { g.remove() }
        try await g.add(
            (1...5).map { TestNotice(id: "same\($0)", title: "Samme tid \($0)", published: t0) }, at: t0)
        var ids: [String] = []
        var q = NoticeQuery(limit: 2)
        repeat {
            let page = try await g.reader.notices(q)
            ids += page.items.map(\.id.rawValue)
            q.before = page.next
        } while q.before != nil
        #expect(ids == ["same5", "same4", "same3", "same2", "same1"])
    }

    @Test func aBadCursorIsAnErrorNamingIt() async throws {
        let f = try await filled()
        defer { f.remove() }
        for cursor in ["nonsense", "o:2", "", "bjpub3Q=", "%%%"] {
            do {
                _ = try await f.reader.notices(NoticeQuery(before: cursor))
                Issue.record("cursor \(cursor) was accepted")
            } catch {
                guard case .invalidCursor(let text) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(text == cursor)
                #expect(error.description.contains("\"\(cursor)\""))
            }
        }
        // A cursor of another list is refused too.
        let deliveryCursor = try await deliveryPageCursor(f)
        await #expect(throws: StoreError.self) { try await f.reader.notices(NoticeQuery(before: deliveryCursor)) }
    }

    private func deliveryPageCursor(_ f: HistoryFixture) async throws -> String {
        try await f.add([TestNotice(id: "d1", title: "Til mange", published: t0)], at: t0, subscribers: ["oslo", "bergen"])
        return try #require(try await f.reader.deliveries(DeliveryQuery(limit: 1)).next)
    }
}
