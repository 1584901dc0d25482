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
            for (id, title, text, published) in [
                ("old1", "Driftsproblemer Altinn", "Innsending feiler for a-melding.", "2026-01-02 10:00:00.000"),
                ("old2", "Vedlikehold", "Folkeregisteret er nede lørdag.", "2026-01-03 10:00:00.000"),
            ] {
                try db.execute(
                    sql: """
                        INSERT INTO notice (id, feedID, entryID, title, published, contentText, kind, scope, status,
                            textHash, bodyHash, versionHash, firstSeenAt, lastChangedAt)
                        VALUES (?, 'api', ?, ?, ?, ?, 'incident', 'unknown', 'active', 't', 'b', 'v', ?, ?)
                        """,
                    arguments: [id, id, title, published, text, published, published])
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
