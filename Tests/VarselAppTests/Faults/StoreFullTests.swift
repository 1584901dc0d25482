import Foundation
import GRDB
import Testing
import TestSupport
import VarselApp
import VarselModel

@testable import NoticeStore

/// SQLite's own limit on the store's size (`PRAGMA max_page_count` on the daemon's writer
/// connection) gives a real SQLITE_FULL from SQLite, in the normal suite, without `mount`.
/// (A real full file system, with the daemon, its log and /readyz: scripts/faults_during_work.py.)
/// The limit does not bound the WAL, so only writes that need new pages fail: a poll with new
/// notices and the readiness check's committed change, which is what is shown here.
@Suite struct StoreFullTests {
    @Test func pollIntoAFullStoreFailsNamingTheFileKeepsWhatWasStoredAndSucceedsWhenSpaceReturns() async throws {
        let sandbox = try Sandbox(
            subscribers: webhookSubscriber("k", name: "Kommune", orgNumber: "974760673", url: "http://127.0.0.1:9/hook"))
        defer { sandbox.remove() }
        let store = sandbox.runtime.store
        try sandbox.serve(Fixtures.folkeregisteret("2026-07-03"))
        _ = try await sandbox.poll()
        let stored = try await store.notices().count
        #expect(stored > 0)

        // The store may not grow by a single page.
        try await store.pool.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
        }
        try sandbox.serve(Fixtures.folkeregisteret("2026-07-07-1158"))
        let failure = await #expect(throws: StoreError.self) { _ = try await sandbox.poll() }
        let text = failure.map(String.init(describing:)) ?? ""
        #expect(text.contains(store.path) && text.contains("database or disk is full"), "\(text)")
        #expect(try await store.notices().count == stored)
        #expect(try await store.deliveries().isEmpty)
        // /readyz's check: a remembered full-disk write makes it commit a change, which fails too.
        let readiness = await #expect(throws: StoreError.self) { try await store.checkWritable() }
        #expect(readiness.map(String.init(describing:))?.contains("database or disk is full") == true)

        // Space returns: the next poll stores the new notice and queues its alert; ready again.
        try await store.pool.write { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1073741823") }
        let report = try await sandbox.poll()
        #expect(report.alerting.count == 1)
        #expect(try await store.notices().count == stored + 1)
        #expect(try await store.deliveries().map(\.status) == [.pending])
        try await store.checkWritable()
    }
}
