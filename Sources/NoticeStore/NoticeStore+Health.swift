public import Foundation
import GRDB
import Synchronization
public import VarselModel

extension NoticeStore {
    /// Whether the daemon can still write: takes the write lock (`BEGIN IMMEDIATE`), makes a
    /// change (a table) and rolls it back, so nothing is kept. Fails on a read-only file or
    /// connection, or a lock held longer than the busy timeout. (Taking the lock alone is not
    /// enough: SQLite grants it to a read-only connection too.)
    ///
    /// After a write failed for lack of space or an I/O error, the check commits a change instead
    /// (creates and drops a table), which must reach the disk: the daemon stays "not ready",
    /// naming the failed write, until the file can be written again.
    public func checkWritable() async throws(StoreError) {
        if let failure = storageFailure.withLock({ $0 }) {
            do {
                try await pool.write { db in
                    try db.execute(sql: "CREATE TABLE readinessCheck (x); DROP TABLE readinessCheck")
                }
                storageFailure.withLock { $0 = nil }
                return
            } catch {
                throw StoreError.database(
                    path: path, operation: "check that the store is writable again after \"\(failure)\"",
                    reason: String(describing: error))
            }
        }
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
    /// Deliveries waiting (pending, failed) or given up (dead), per status: what an operator
    /// alerts on. Sent ones are left out: they only grow, and counting them at every scrape would
    /// grow with them (`varselvakt_deliveries_total{outcome="sent"}` counts sends instead).
    public func outboxDepth() async throws(StoreError) -> [DeliveryStatus: Int] {
        try await read("count waiting deliveries") { db in
            var counts: [DeliveryStatus: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT status, COUNT(*) AS n FROM delivery WHERE status IN ('pending', 'failed', 'dead') GROUP BY status")
            {
                if let status = DeliveryStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    public func oldestUndeliveredAt() async throws(StoreError) -> Date? {
        try await read("find the oldest undelivered delivery") { db in
            // SQLite's planner does not see that the partial index (v8) answers this (it takes
            // delivery_on_status and visits every waiting row: 12 ms with 6,000), so name it.
            try Date.fetchOne(
                db,
                sql: """
                    SELECT MIN(createdAt) FROM delivery INDEXED BY delivery_waiting_since
                    WHERE status IN ('pending', 'failed')
                    """)
        }
    }
}
