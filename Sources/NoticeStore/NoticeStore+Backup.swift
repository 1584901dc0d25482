import Dispatch
import Foundation
import GRDB

/// What a backup wrote, for the operator.
public struct BackupReport: Sendable, Hashable {
    public var path: String
    public var bytes: Int
    public var notices: Int
    public var deliveries: Int
    /// The newest schema migration in the copy.
    public var schema: String
}

extension NoticeStore {
    /// Copies the live store to `destination`, consistent to one moment, while the daemon goes on:
    /// SQLite's online backup (GRDB `backup(to:)`) reads from a WAL snapshot, so polls and the
    /// outbox keep writing meanwhile and none of their transactions is half in the copy.
    ///
    /// The copy is written beside the destination as `<destination>.partial`, checked
    /// (`PRAGMA integrity_check`) and only then renamed into place, so a `destination` that
    /// exists is always a whole, checked backup. An existing destination is refused, never
    /// overwritten: yesterday's good backup must not be replaced by a mistake.
    public func backup(to destination: String) async throws(StoreError) -> BackupReport {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: destination) else {
            throw .backupDestination(path: destination, reason: "it already exists (remove it or choose another name)")
        }
        let directory = (destination as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw .backupDestination(path: destination, reason: "the directory \(directory) does not exist")
        }
        let partial = destination + ".partial"
        try? fileManager.removeItem(atPath: partial)
        do {
            let copy = try DatabaseQueue(path: partial)
            // GRDB's backup is synchronous and takes as long as the copy: off the cooperative
            // threads, which must never block for seconds.
            let pool = self.pool
            try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
                DispatchQueue.global(qos: .utility).async {
                    do {
                        try pool.backup(to: copy)
                        done.resume()
                    } catch {
                        done.resume(throwing: error)
                    }
                }
            }
            let report = try await copy.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard problems == ["ok"] else {
                    throw StoreError.backupDestination(
                        path: destination, reason: "the copy failed its integrity check: \(problems.prefix(3).joined(separator: "; "))")
                }
                return BackupReport(
                    path: destination, bytes: 0, notices: try Int.fetchOne(db, sql: "SELECT count(*) FROM notice") ?? 0,
                    deliveries: try Int.fetchOne(db, sql: "SELECT count(*) FROM delivery") ?? 0,
                    schema: try String.fetchOne(
                        db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") ?? "none")
            }
            try copy.close()
            try fileManager.moveItem(atPath: partial, toPath: destination)
            var done = report
            done.bytes = (try? fileManager.attributesOfItem(atPath: destination)[.size] as? Int) ?? 0
            return done
        } catch let error as StoreError {
            try? fileManager.removeItem(atPath: partial)
            throw error
        } catch {
            try? fileManager.removeItem(atPath: partial)
            throw .database(path: path, operation: "back up to \(destination)", reason: String(describing: error))
        }
    }
}
