public import Foundation
import GRDB
public import VarselModel

/// Which notices one page lists (the notices page, the API, `varselvakt notices`).
public struct NoticeSearch: Sendable, Hashable {
    /// Catalog id of an API the notice concerns.
    public var api: String?
    public var kind: NoticeKind?
    /// `production` and `test` also match notices about both; `both` only those.
    public var environment: NoticeEnvironment?
    public var status: NoticeStatus?
    public var feed: FeedID?
    /// Published (or first seen, when undated) at or after `from` and before `to`.
    public var from: Date?
    public var to: Date?
    /// Free text as typed (see `SearchText`): every word must occur in the title or text.
    public var text: String?
    /// A `StorePage.next` of an earlier page of notices.
    public var before: String?
    /// Rows per page; nil gives 50. (History clamps what people ask for to `PageSize`.)
    public var limit: Int?
    /// With false, records come without their text (`summaryText`, `contentText`, `contentHTML`
    /// empty): a list page shows none of it, and it is most of each row's bytes.
    public var includeText: Bool

    public init(
        api: String? = nil, kind: NoticeKind? = nil, environment: NoticeEnvironment? = nil, status: NoticeStatus? = nil,
        feed: FeedID? = nil, from: Date? = nil, to: Date? = nil, text: String? = nil, before: String? = nil, limit: Int? = nil,
        includeText: Bool = true
    ) {
        self.api = api
        self.kind = kind
        self.environment = environment
        self.status = status
        self.feed = feed
        self.from = from
        self.to = to
        self.text = text
        self.before = before
        self.limit = limit
        self.includeText = includeText
    }
}

extension NoticeStore {
    /// The sort key of the notice lists: publication, or first sight for an undated notice.
    /// The index `notice_on_sortAt` is on exactly this expression.
    static let noticeSortKey = "COALESCE(notice.published, notice.firstSeenAt)"

    /// One page of notices matching `search`, newest first (by `noticeSortKey`, then id).
    /// - Throws: `StoreError.invalidCursor` for a `before` this list did not hand out.
    public func noticePage(_ search: NoticeSearch) async throws(StoreError) -> StorePage<NoticeRecord> {
        let cursor = try search.before.map { text throws(StoreError) in
            try PageCursor.decode(text, list: "n", sortKeyIsDate: true)
        }
        return try await read("list notices") { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let feed = search.feed { clauses.append("notice.feedID = ?"); arguments += [feed.rawValue] }
            if let status = search.status { clauses.append("notice.status = ?"); arguments += [status.rawValue] }
            if let kind = search.kind { clauses.append("notice.kind = ?"); arguments += [kind.rawValue] }
            if let environment = search.environment {
                clauses.append(environment == .both ? "notice.environment = ?" : "notice.environment IN (?, 'both')")
                arguments += [environment.rawValue]
            }
            if let api = search.api {
                // Through `noticeAPI` (v8): a primary-key probe per notice while the sort index is
                // walked newest first, so a page stops after its rows (as `IN (SELECT ...)` it would
                // sort every notice about the API: 60 ms for 5,000). A store opened read-only
                // before v8 reads each notice's list.
                clauses.append(
                    try db.tableExists("noticeAPI")
                        ? "EXISTS (SELECT 1 FROM noticeAPI WHERE noticeAPI.noticeID = notice.id AND noticeAPI.api = ?)"
                        : "EXISTS (SELECT 1 FROM json_each(notice.apis) WHERE value = ?)")
                arguments += [api]
            }
            if let from = search.from { clauses.append("\(Self.noticeSortKey) >= ?"); arguments += [StoredDate.text(from)] }
            if let to = search.to { clauses.append("\(Self.noticeSortKey) < ?"); arguments += [StoredDate.text(to)] }
            if let text = search.text.map(SearchText.init), !text.isEmpty {
                try Self.textClause(text, db: db, clauses: &clauses, arguments: &arguments)
            }
            if let cursor {
                clauses.append("(\(Self.noticeSortKey), notice.id) < (?, ?)")
                arguments += [cursor.sortKey, cursor.id]
            }
            let columns = search.includeText ? "notice.*" : Self.noticeColumnsWithoutText
            var sql = "SELECT \(columns), \(Self.noticeSortKey) AS sortAt FROM notice"
            if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
            sql += " ORDER BY \(Self.noticeSortKey) DESC, notice.id DESC LIMIT ?"
            arguments += [(search.limit ?? 50) + 1]
            // Records are made from a cursor's rows (see deliveryPage), aliases added after. Cached:
            // the clauses hold only placeholders, so there are few distinct texts.
            var keyed = try Array(
                Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments).map { row in
                    (notice: Self.noticeRecord(row, aliases: [:]), sortAt: row["sortAt"] as String)
                })
            let aliases = try Self.aliases(db, of: keyed.map(\.notice.id.rawValue))
            for index in keyed.indices { keyed[index].notice.aliases = aliases[keyed[index].notice.id.rawValue] ?? [] }
            let page = StorePage.cut(keyed, limit: search.limit ?? 50) {
                PageCursor(list: "n", sortKey: $0.sortAt, id: $0.notice.id.rawValue)
            }
            return StorePage(items: page.items.map(\.notice), next: page.next)
        }
    }

    /// Every column a `NoticeRecord` reads, with its text columns empty (see `includeText`).
    static let noticeColumnsWithoutText = """
        notice.id, notice.feedID, notice.entryID, notice.title, notice.link, notice.published, notice.updated,
        notice.categories, '' AS summaryText, '' AS contentText, '' AS contentHTML, notice.facts, notice.kind,
        notice.apis, notice.scope, notice.windowStart, notice.windowEnd, notice.unparsedWindow, notice.cancels,
        notice.severity, notice.unmappedComponents, notice.unrecognisedApis, notice.environment,
        notice.maintenanceWindows, notice.status, notice.firstSeenAt, notice.lastChangedAt, notice.versionCount,
        notice.cancelsNoticeID
        """

    /// Restricts to notices whose title or text holds every term: through the FTS5 index, or by
    /// LIKE in a store opened read-only before the index existed (migrations add it on the next
    /// writable open).
    private static func textClause(
        _ text: SearchText, db: Database, clauses: inout [String], arguments: inout StatementArguments
    ) throws {
        if try db.tableExists("noticeSearch") {
            // Two plans, chosen by how many notices match (counting is cheap in the index): a few
            // are fetched and sorted; many are found by walking the notices newest first and
            // stopping after a page (sorting 2,500 matching rows took 12 ms, the walk 2 ms; for a
            // rare word the walk would read every notice instead).
            // Counting stops at 201: the choice needs no more.
            let matches = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM (SELECT 1 FROM noticeSearch WHERE noticeSearch MATCH ? LIMIT 201)"),
                arguments: [text.ftsQuery]) ?? 0
            clauses.append(
                matches > 200
                    ? """
                    EXISTS (SELECT 1 FROM noticeSearchKey AS k WHERE k.noticeID = notice.id AND k.id IN (
                        SELECT rowid FROM noticeSearch WHERE noticeSearch MATCH ?))
                    """
                    : """
                    notice.id IN (SELECT noticeID FROM noticeSearchKey WHERE id IN (
                        SELECT rowid FROM noticeSearch WHERE noticeSearch MATCH ?))
                    """)
            arguments += [text.ftsQuery]
        } else {
            for pattern in text.likePatterns {
                clauses.append(
                    "(notice.title LIKE ? ESCAPE '\\' OR notice.summaryText LIKE ? ESCAPE '\\' OR notice.contentText LIKE ? ESCAPE '\\')"
                )
                arguments += [pattern, pattern, pattern]
            }
        }
    }

    /// The aliases of the notices `ids`, by notice id (a page needs a few, not the whole table).
    static func aliases(_ db: Database, of ids: [String]) throws -> [String: [String]] {
        guard !ids.isEmpty else { return [:] }
        var result: [String: [String]] = [:]
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        // Cached: a page asks with the same number of ids again and again.
        let statement = try db.cachedStatement(
            sql: "SELECT alias, noticeID FROM noticeAlias WHERE noticeID IN (\(marks)) ORDER BY alias")
        let rows = try Row.fetchCursor(statement, arguments: StatementArguments(ids))
        while let row = try rows.next() { result[row["noticeID"], default: []].append(row["alias"]) }
        return result
    }
}
