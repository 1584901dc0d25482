public import Foundation
import GRDB
public import VarselModel

/// Which probe incidents one page lists (the incidents page, the API, `varselvakt incidents`).
public struct IncidentSearch: Sendable, Hashable {
    public var openOnly: Bool
    public var api: String?
    /// Incidents that were open at some time in [from, to): still open at or after `from`
    /// (unresolved, or resolved at or after it) and opened before `to`. "Was anything down
    /// yesterday?" must find the outage that began the evening before.
    public var from: Date?
    public var to: Date?
    /// A `StorePage.next` of an earlier page of incidents.
    public var before: String?
    /// Rows per page; nil gives 50. (History clamps what people ask for to `PageSize`.)
    public var limit: Int?

    public init(
        openOnly: Bool = false, api: String? = nil, from: Date? = nil, to: Date? = nil, before: String? = nil, limit: Int? = nil
    ) {
        self.openOnly = openOnly
        self.api = api
        self.from = from
        self.to = to
        self.before = before
        self.limit = limit
    }
}

extension NoticeStore {
    /// One page of incidents matching `search`, newest opened first (then id).
    public func incidentPage(_ search: IncidentSearch) async throws(StoreError) -> StorePage<IncidentRecord> {
        let cursor = try search.before.map { text throws(StoreError) in
            let cursor = try PageCursor.decode(text, list: "i", sortKeyIsDate: true)
            return (openedAt: cursor.sortKey, id: try cursor.integerID(text))
        }
        return try await read("list incidents") { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if search.openOnly { clauses.append("resolvedAt IS NULL") }
            if let api = search.api { clauses.append("api = ?"); arguments += [api] }
            if let from = search.from {
                clauses.append("(resolvedAt IS NULL OR resolvedAt >= ?)")
                arguments += [StoredDate.text(from)]
            }
            if let to = search.to { clauses.append("openedAt < ?"); arguments += [StoredDate.text(to)] }
            if let cursor {
                clauses.append("(openedAt, id) < (?, ?)")
                arguments += [cursor.openedAt, cursor.id]
            }
            var sql = "SELECT * FROM incident"
            if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
            sql += " ORDER BY openedAt DESC, id DESC LIMIT ?"
            arguments += [(search.limit ?? 50) + 1]
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let records = try Self.incidentRecords(rows, db: db)
            let keyed = zip(records, rows.map { $0["openedAt"] as String }).map { (incident: $0, openedAt: $1) }
            let page = StorePage.cut(keyed, limit: search.limit ?? 50) {
                PageCursor(list: "i", sortKey: $0.openedAt, id: "\($0.incident.id)")
            }
            return StorePage(items: page.items.map(\.incident), next: page.next)
        }
    }

    /// Incidents opened or resolved in [from, to), for the timeline, newest opened first.
    public func incidents(openedOrResolvedFrom from: Date, to: Date) async throws(StoreError) -> [IncidentRecord] {
        try await read("read incidents from \(from) to \(to)") { db in
            let (start, end) = (StoredDate.text(from), StoredDate.text(to))
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM incident
                    WHERE (openedAt >= ? AND openedAt < ?) OR (resolvedAt >= ? AND resolvedAt < ?)
                    ORDER BY openedAt DESC, id DESC
                    """,
                arguments: [start, end, start, end])
            return try Self.incidentRecords(rows, db: db)
        }
    }
}
