public import Foundation
import GRDB

extension NoticeStore {
    /// Whether the daemon can still write: takes the write lock (`BEGIN IMMEDIATE`), makes a
    /// change (a table) and rolls it back, so nothing is kept. Fails on a read-only file or
    /// connection, or a lock held longer than the busy timeout. (Taking the lock alone is not
    /// enough: SQLite grants it to a read-only connection too.)
    public func checkWritable() async throws(StoreError) {
        do {
            try await pool.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                do {
                    try db.execute(sql: "CREATE TABLE readinessCheck (x)")
                } catch {
                    try? db.execute(sql: "ROLLBACK")
                    throw error
                }
                try db.execute(sql: "ROLLBACK")
            }
        } catch {
            throw StoreError.database(path: path, operation: "check that the store is writable", reason: String(describing: error))
        }
    }

    /// When the oldest delivery still waiting to be sent (pending, or failed and due again)
    /// was queued; nil when none waits. /metrics turns it into an age.
    public func oldestUndeliveredAt() async throws(StoreError) -> Date? {
        try await read("find the oldest undelivered delivery") { db in
            try Date.fetchOne(db, sql: "SELECT MIN(createdAt) FROM delivery WHERE status IN ('pending', 'failed')")
        }
    }
}
