import Foundation
import GRDB
import Synchronization
public import VarselModel

/// The one SQLite database of a varselvakt installation: feeds, notices, every version of every
/// notice, the change history and the poll log.
///
/// Open it once per process (GRDB's rule: one pool per file). It is a `DatabasePool` in WAL mode
/// with a busy timeout, because the daemon and the CLI open the same file at the same time.
/// Every group of writes that must stand or fall together runs in one `write` transaction;
/// only the public methods of this type begin transactions.
public final class NoticeStore: Sendable {
    let pool: DatabasePool
    /// Where the database lives, for messages.
    public let path: String
    /// The last write that failed because the file could not be written (disk full, I/O error),
    /// as one log line; cleared by the next write that commits. /readyz reports it, because its
    /// own rolled-back check writes nothing to disk and so cannot see a full disk.
    let storageFailure = Mutex<String?>(nil)

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// - Parameter readOnly: open without migrating or writing (the CLI's listings); fails if
    ///   the file does not exist yet.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.readonly = readOnly
        config.label = "varselvakt"
        // A daemon with a few feeds needs few concurrent readers; each one holds its own page
        // cache, so fewer, smaller caches keep the resident size down (DESIGN.md: under 30 MB).
        config.maximumReaderCount = 2
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -1024")
            // Reads map the file instead of copying each page into that small cache: with the web
            // pages reading a large store, pread copies were a third of a request's time. Mapped
            // pages are the kernel's page cache, shared and reclaimable, not the daemon's heap.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
            // Statement journals in memory: each insert of a notice runs triggers (search index,
            // API index) and journals a dozen pages per statement; on disk, every such journal
            // past 64 KiB went to a temp file, 350,000 writes for a first poll of 5,000 entries.
            // They live for one statement, so memory stays small.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // WAL is safe with NORMAL: a power cut may lose the last transaction, never corrupt.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        do {
            if !readOnly {
                let directory = (path as NSString).deletingLastPathComponent
                if !directory.isEmpty {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
            } else if !FileManager.default.fileExists(atPath: path) {
                throw StoreError.notFound(path: path)
            }
            pool = try DatabasePool(path: path, configuration: config)
            // A store a newer varselvakt has migrated is left exactly as it is: migrating it
            // "back" or writing rows it does not know the shape of could lose what it holds.
            // On the writer, which migrates next: a reader connected now would keep the old
            // schema in memory and prepare later statements against it (their column lists then
            // point at the wrong columns once SQLite re-prepares them).
            let unknown = try pool.writeWithoutTransaction { db in try Self.migrationsUnknownHere(db) }
            if !unknown.isEmpty {
                throw StoreError.newerStore(path: path, unknown: unknown, newestKnown: Schema.newestMigration)
            }
            if !readOnly { try Schema.migrator.migrate(pool) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.open(path: path, reason: String(describing: error))
        }
    }

    /// Runs `body` in one write transaction, mapping database errors to `StoreError`.
    func write<T: Sendable>(_ what: String, _ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            let result = try await pool.write(body)
            storageFailure.withLock { $0 = nil }
            return result
        } catch let error as StoreError {
            throw error
        } catch {
            let failure = StoreError.database(path: path, operation: what, reason: String(describing: error))
            if Self.isStorageFailure(error) { storageFailure.withLock { $0 = failure.description } }
            throw failure
        }
    }

    /// A failure of the file rather than of the data: the disk is full, or SQLite cannot write it.
    static func isStorageFailure(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR
    }

    /// Runs `body` on a read-only snapshot, mapping database errors to `StoreError`.
    func read<T: Sendable>(_ what: String, _ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(path: path, operation: what, reason: String(describing: error))
        }
    }
}

/// What can go wrong with the database, naming the file.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case notFound(path: String)
    case open(path: String, reason: String)
    case database(path: String, operation: String, reason: String)
    case noSuchNotice(String)
    /// A `before` cursor that this list did not hand out (mangled, or from another list).
    case invalidCursor(String)
    case noSuchDelivery(Int64)
    /// Only a dead or failed delivery can be sent again: a pending one is on its way, a sent one arrived.
    case cannotSendAgain(delivery: Int64, status: DeliveryStatus)
    case noActiveSilence(Int64)
    /// The store was migrated by a newer varselvakt (schema steps this binary does not know).
    case newerStore(path: String, unknown: [String], newestKnown: String)
    /// A backup was asked for where something already is, or where nothing can be written.
    case backupDestination(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            "store: \(path) does not exist yet (run `varselvakt poll --once` or `varselvakt run` first)"
        case .open(let path, let reason): "store: cannot open \(path): \(reason)"
        case .database(let path, let operation, let reason): "store: \(operation) failed in \(path): \(reason)"
        case .noSuchNotice(let id): "store: no notice with id or alias \(id)"
        case .invalidCursor(let text): "store: \"\(text)\" is not a page cursor of this list (pass `next` from the previous page)"
        case .noSuchDelivery(let id): "store: no delivery with id \(id)"
        case .cannotSendAgain(let id, let status):
            "store: delivery \(id) is \(status.rawValue); only a dead or failed delivery can be sent again"
        case .noActiveSilence(let id): "store: no active silence with id \(id)"
        case .backupDestination(let path, let reason): "store: cannot back up to \(path): \(reason)"
        case .newerStore(let path, let unknown, let newestKnown):
            "store: \(path) was written by a newer varselvakt (schema \(unknown.joined(separator: ", ")); this "
                + "binary knows up to \(newestKnown)); refusing to open it, nothing was changed: run the newer "
                + "version, or restore a backup made by this one"
        }
    }
}
