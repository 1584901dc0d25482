public import Foundation
import GRDB
public import VarselModel

/// Which incidents `incidents(_:)` lists.
public struct IncidentFilter: Sendable, Hashable {
    public var openOnly: Bool
    public var api: String?
    public var since: Date?
    /// Only incidents this notice is linked to, or that it was written about (a stored notice id).
    public var notice: NoticeID?
    public var limit: Int?

    public init(openOnly: Bool = false, api: String? = nil, since: Date? = nil, notice: NoticeID? = nil, limit: Int? = nil) {
        self.openOnly = openOnly
        self.api = api
        self.since = since
        self.notice = notice
        self.limit = limit
    }
}

extension NoticeStore {
    /// Incidents, newest first, each with the notices linked to it.
    public func incidents(_ filter: IncidentFilter = IncidentFilter()) async throws(StoreError) -> [IncidentRecord] {
        try await read("list incidents") { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if filter.openOnly { clauses.append("resolvedAt IS NULL") }
            if let api = filter.api {
                clauses.append("api = ?")
                arguments += [api]
            }
            if let since = filter.since {
                clauses.append("(resolvedAt IS NULL OR resolvedAt >= ?)")
                arguments += [StoredDate.text(since)]
            }
            if let notice = filter.notice {
                clauses.append("(noticeID = ? OR id IN (SELECT incidentID FROM incidentNotice WHERE noticeID = ?))")
                arguments += [notice.rawValue, notice.rawValue]
            }
            var sql = "SELECT * FROM incident"
            if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
            sql += " ORDER BY openedAt DESC, id DESC"
            if let limit = filter.limit {
                sql += " LIMIT ?"
                arguments += [limit]
            }
            // Cached: the clauses hold only placeholders, so there are few distinct texts.
            return try Self.incidentRecords(Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments), db: db)
        }
    }

    /// Incident rows as records, each with the notices linked to it.
    static func incidentRecords(_ rows: [Row], db: Database) throws -> [IncidentRecord] {
        let links = try db.cachedStatement(sql: "SELECT noticeID FROM incidentNotice WHERE incidentID = ? ORDER BY linkedAt")
        return try rows.map { row in
            let id: Int64 = row["id"]
            let linked = try String.fetchAll(links, arguments: [id]).map { NoticeID($0) }
            return IncidentRecord(
                id: id, api: row["api"], environment: ProbeEnvironment(rawValue: row["environment"]) ?? .production,
                openedAt: StoredDate.date(row["openedAt"]) ?? Date(timeIntervalSince1970: 0),
                firstFailureAt: StoredDate.date(row["firstFailureAt"]) ?? Date(timeIntervalSince1970: 0),
                resolvedAt: StoredDate.date(row["resolvedAt"]),
                cause: ProbeCause(rawValue: row["cause"]) ?? .connection, detail: row["detail"],
                expectation: JSONColumn.decode(IncidentExpectation?.self, row["expectation"], default: nil),
                alerted: row["alerted"], noticeID: (row["noticeID"] as String?).map { NoticeID($0) }, linkedNotices: linked)
        }
    }

    /// Adds an operator's silence for `api` from `start` to `end`; with `user`, records who did
    /// (`operatorAction`) in the same transaction.
    public func addSilence(
        api: String, start: Date, end: Date, reason: String, now: Date = Date(), by user: String? = nil
    ) async throws(StoreError) -> Silence {
        try await write("add silence for \(api)") { db in
            try db.execute(
                sql: "INSERT INTO silence (api, start, end, reason, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [api, StoredDate.text(start), StoredDate.text(end), reason, StoredDate.text(now)])
            let silence = Silence(id: db.lastInsertedRowID, api: api, start: start, end: end, reason: reason, createdAt: now)
            if let user {
                try Self.recordAction(
                    db, at: now, user: user, action: .addSilence, target: "silence:\(silence.id)",
                    detail: "\(api) \(StoredDate.text(start) ?? "") – \(StoredDate.text(end) ?? "") UTC: \(reason)")
            }
            return silence
        }
    }

    /// Silences not removed, ending after `now` (all of them when `now` is nil), soonest first.
    public func silences(activeAfter now: Date? = nil) async throws(StoreError) -> [Silence] {
        try await read("list silences") { db in
            var sql = "SELECT * FROM silence WHERE removedAt IS NULL"
            var arguments: StatementArguments = []
            if let now {
                sql += " AND end > ?"
                arguments += [StoredDate.text(now)]
            }
            sql += " ORDER BY start, id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                Silence(
                    id: row["id"], api: row["api"], start: StoredDate.date(row["start"]) ?? Date(timeIntervalSince1970: 0),
                    end: StoredDate.date(row["end"]) ?? Date(timeIntervalSince1970: 0), reason: row["reason"],
                    createdAt: StoredDate.date(row["createdAt"]) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    /// Ends a silence now (kept in history); with `user`, records who did in the same
    /// transaction. Returns false if there is no such active silence (nothing is recorded then).
    @discardableResult
    public func removeSilence(id: Int64, now: Date = Date(), by user: String? = nil) async throws(StoreError) -> Bool {
        try await write("remove silence \(id)") { db in
            try db.execute(
                sql: "UPDATE silence SET removedAt = ? WHERE id = ? AND removedAt IS NULL", arguments: [StoredDate.text(now), id])
            guard db.changesCount > 0 else { return false }
            if let user {
                let api = try String.fetchOne(db, sql: "SELECT api FROM silence WHERE id = ?", arguments: [id])
                try Self.recordAction(db, at: now, user: user, action: .expireSilence, target: "silence:\(id)", detail: api)
            }
            return true
        }
    }
}
