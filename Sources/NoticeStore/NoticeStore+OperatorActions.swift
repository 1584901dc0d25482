public import Foundation
import GRDB
public import VarselModel

/// Something an operator did by hand, with who and when: KS support must be able to answer
/// "who sent this again?" as readily as "who was told?".
public struct OperatorActionRecord: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// A dead or failed delivery was put back to pending.
        case sendAgain = "send_again"
        case addSilence = "add_silence"
        case expireSilence = "expire_silence"
    }

    public var id: Int64
    public var at: Date
    /// The web user, or `$USER` for the CLI ("cli" when unset).
    public var user: String
    public var action: Action
    /// What it was done to: "delivery:42", "silence:7".
    public var target: String
    /// One line: the state before, the silence's API and reason.
    public var detail: String?

    public init(id: Int64, at: Date, user: String, action: Action, target: String, detail: String?) {
        self.id = id
        self.at = at
        self.user = user
        self.action = action
        self.target = target
        self.detail = detail
    }
}

extension NoticeStore {
    /// Writes one action row; part of the transaction that does the action, so the record and
    /// the deed stand or fall together.
    static func recordAction(
        _ db: Database, at: Date, user: String, action: OperatorActionRecord.Action, target: String, detail: String?
    ) throws {
        try db.execute(
            sql: "INSERT INTO operatorAction (at, user, action, target, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [StoredDate.text(at), user, action.rawValue, target, detail])
    }

    /// Operator actions, newest first: all, those from `from` on, or those on `targets`.
    /// A store opened read-only before the table existed has none.
    public func operatorActions(from: Date? = nil, targets: [String]? = nil, limit: Int? = nil) async throws(StoreError)
        -> [OperatorActionRecord]
    {
        try await read("list operator actions") { db in
            guard try db.tableExists("operatorAction") else { return [] }
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let from { clauses.append("at >= ?"); arguments += [StoredDate.text(from)] }
            if let targets {
                guard !targets.isEmpty else { return [] }
                clauses.append("target IN (\(Array(repeating: "?", count: targets.count).joined(separator: ",")))")
                arguments += StatementArguments(targets)
            }
            var sql = "SELECT * FROM operatorAction"
            if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
            sql += " ORDER BY at DESC, id DESC"
            if let limit { sql += " LIMIT ?"; arguments += [limit] }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.operatorAction(from:))
        }
    }

    /// Actions on the deliveries of one notice (by stored id), newest first.
    public func operatorActions(notice: NoticeID) async throws(StoreError) -> [OperatorActionRecord] {
        try await read("list operator actions on \(notice)") { db in
            guard try db.tableExists("operatorAction") else { return [] }
            return try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT * FROM operatorAction
                        WHERE target IN (SELECT 'delivery:' || id FROM delivery WHERE noticeID = ?)
                        ORDER BY at DESC, id DESC
                        """),
                arguments: [notice.rawValue]
            ).map(Self.operatorAction(from:))
        }
    }

    static func operatorAction(from row: Row) -> OperatorActionRecord {
        OperatorActionRecord(
            id: row["id"], at: StoredDate.date(row["at"]) ?? Date(timeIntervalSince1970: 0), user: row["user"],
            action: OperatorActionRecord.Action(rawValue: row["action"]) ?? .sendAgain, target: row["target"],
            detail: row["detail"])
    }
}
