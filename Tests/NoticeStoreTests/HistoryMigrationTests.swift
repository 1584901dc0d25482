import Foundation
import GRDB
import Testing
import VarselModel

@testable import NoticeStore

@Suite struct HistoryMigrationTests {
    /// A store as the schema before v7-history left it, with two notices written by plain SQL.
    func previousSchemaStore() throws -> TempStore {
        let temp = TempStore()
        try FileManager.default.createDirectory(
            atPath: (temp.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: temp.path)
        try Schema.migrator.migrate(pool, upTo: "v6-environment")
        try pool.write { db in
            try db.execute(sql: "INSERT INTO feed (id, url) VALUES ('api', 'file:///feed.xml')")
            for (id, title, text, published, apis, windows) in [
                ("old1", "Driftsproblemer Altinn", "Innsending feiler for a-melding.", "2026-01-02 10:00:00.000", "[\"altinn\"]", "[]"),
                (
                    "old2", "Vedlikehold", "Folkeregisteret er nede lørdag.", "2026-01-03 10:00:00.000",
                    "[\"folkeregisteret\",\"altinn\"]",
                    "[{\"start\":\"2026-01-10 08:00:00.000\",\"end\":\"2026-01-10 10:00:00.000\"},"
                        + "{\"start\":\"2026-01-17 08:00:00.000\",\"end\":\"2026-01-17 10:00:00.000\"}]"
                ),
            ] {
                try db.execute(
                    sql: """
                        INSERT INTO notice (id, feedID, entryID, title, published, contentText, kind, apis, scope, status,
                            textHash, bodyHash, versionHash, firstSeenAt, lastChangedAt, windowStart, windowEnd,
                            maintenanceWindows)
                        VALUES (?, 'api', ?, ?, ?, ?, 'incident', ?, 'apis', 'active', 't', 'b', 'v', ?, ?,
                            json_extract(?, '$[0].start'), json_extract(?, '$[0].end'), ?)
                        """,
                    arguments: [id, id, title, published, text, apis, published, published, windows, windows, windows])
            }
        }
        try pool.close()
        return temp
    }

    @Test func migratingAnEarlierStoreKeepsItsNoticesAndIndexesTheirText() async throws {
        let temp = try previousSchemaStore()
        defer { temp.remove() }
        let store = try temp.open()
        let all = try await store.noticePage(NoticeSearch())
        #expect(all.items.map(\.id.rawValue) == ["old2", "old1"])
        // The newest notice per API and the windows still on are read from what v8 filled in:
        // old2's second window (17 January) counts, though its first has ended.
        let newest = try await store.newestNotices(byAPI: ["altinn", "folkeregisteret", "inntekt"])
        #expect(newest.mapValues(\.id.rawValue) == ["altinn": "old2", "folkeregisteret": "old2"])
        let on = try await store.announcedWindows(endingAfter: Date(timeIntervalSince1970: 1_768_640_000))  // 2026-01-17 08:53Z
        #expect(on.map(\.notice.rawValue) == ["old2", "old2"])
        #expect(try await store.announcedWindows(endingAfter: Date(timeIntervalSince1970: 1_768_700_000)).isEmpty)
        #expect(try await store.noticePage(NoticeSearch(text: "altinn")).items.map(\.id.rawValue) == ["old1"])
        #expect(try await store.noticePage(NoticeSearch(text: "lørdag")).items.map(\.id.rawValue) == ["old2"])
        // Notices written after the migration are indexed by the triggers, updates replace the text.
        _ = try await store.recordModified(poll([update("n1", .new, title: "Ny feil i Altinn")], at: t0))
        #expect(try await store.noticePage(NoticeSearch(text: "altinn")).items.map(\.id.rawValue).sorted() == ["n1", "old1"])
        _ = try await store.recordModified(
            poll([update("n1", .changed, title: "Løst", hash: "t2")], at: t0.addingTimeInterval(60)))
        #expect(try await store.noticePage(NoticeSearch(text: "altinn")).items.map(\.id.rawValue) == ["old1"])
        #expect(try await store.noticePage(NoticeSearch(text: "løst")).items.map(\.id.rawValue) == ["n1"])
        #expect(try await store.operatorActions().isEmpty)
    }

    @Test func aReadOnlyStoreBeforeTheMigrationStillSearchesText() async throws {
        let temp = try previousSchemaStore()
        defer { temp.remove() }
        let store = try NoticeStore(path: temp.path, readOnly: true)
        #expect(try await store.noticePage(NoticeSearch(text: "Altinn")).items.map(\.id.rawValue) == ["old1"])
        #expect(try await store.noticePage(NoticeSearch(text: "100%")).items.isEmpty)
        #expect(try await store.operatorActions().isEmpty)
    }

    @Test func searchTextQuotesEveryTermForFTS5() {
        #expect(SearchText("altinn feil").ftsQuery == "\"altinn\" \"feil\"")
        #expect(SearchText("innsend*").ftsQuery == "\"innsend\" *")
        #expect(SearchText("\"normal drift\" NEAR(").ftsQuery == "\"normal drift\" \"NEAR(\"")
        #expect(SearchText("a\"b").ftsQuery == "\"a\"\"b\"")
        #expect(SearchText("* ) \" -").isEmpty)
        #expect(SearchText("50%_x").likePatterns == ["%50\\%\\_x%"])
    }
}
