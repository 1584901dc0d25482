import Foundation
import GRDB
import NoticeStore
import Testing

/// A store that a newer varselvakt has migrated is refused, with a message that says what to do,
/// and left as it was: no migration runs, no table or index changes (an older binary must never
/// "repair" a newer schema).
@Suite struct NewerStoreTests {
    @Test(arguments: [false, true])
    func aStoreFromANewerVersionIsRefusedAndNotTouched(readOnly: Bool) throws {
        let temp = TempStore(); defer { temp.remove() }
        _ = try temp.open()  // made and migrated by this binary
        let queue = try DatabaseQueue(path: temp.path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        let before = try queue.read(Self.schema)

        #expect {
            _ = try NoticeStore(path: temp.path, readOnly: readOnly)
        } throws: { error in
            let text = "\(error)"
            return text.contains("written by a newer varselvakt") && text.contains("v99-from-the-future")
                && text.contains("nothing was changed") && text.contains(temp.path)
        }
        #expect(try queue.read(Self.schema) == before, "no migration ran, no table or index changed")
        try queue.close()
    }

    /// The store's schema as SQLite keeps it, and the migrations it records.
    static func schema(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY name")
            + String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
    }

    @Test func aStoreThisBinaryMadeOpensAgain() throws {
        let temp = TempStore(); defer { temp.remove() }
        _ = try temp.open()
        _ = try temp.open()
        _ = try NoticeStore(path: temp.path, readOnly: true)
    }
}
