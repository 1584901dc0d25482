public import Foundation
import GRDB
public import VarselModel

/// What `notices` should list.
public struct NoticeFilter: Sendable, Hashable {
    public var feed: FeedID?
    public var status: NoticeStatus?
    /// Catalog id of an API the notice concerns.
    public var api: String?
    public var limit: Int?

    public init(feed: FeedID? = nil, status: NoticeStatus? = nil, api: String? = nil, limit: Int? = nil) {
        self.feed = feed
        self.status = status
        self.api = api
        self.limit = limit
    }
}

/// What `changes` should list.
public struct ChangeFilter: Sendable, Hashable {
    public var since: Date?
    /// Only changes before this time.
    public var until: Date?
    public var api: String?
    public var notice: NoticeID?
    /// Only changes subscribers hear about (no baseline, no expired).
    public var alertingOnly: Bool
    public var limit: Int?
    /// Only changes listed after this one (newest first): the keyset cursor of a page.
    public var beforeID: Int64?

    public init(
        since: Date? = nil, until: Date? = nil, api: String? = nil, notice: NoticeID? = nil, alertingOnly: Bool = false,
        limit: Int? = nil, beforeID: Int64? = nil
    ) {
        self.beforeID = beforeID
        self.since = since
        self.until = until
        self.api = api
        self.notice = notice
        self.alertingOnly = alertingOnly
        self.limit = limit
    }
}

/// One notice with everything that happened to it.
public struct NoticeDetail: Sendable, Hashable {
    public var notice: NoticeRecord
    /// Oldest first.
    public var versions: [NoticeVersion]
    /// Oldest first.
    public var changes: [ChangeRecord]
}

extension NoticeStore {
    /// notices lists notices, newest published first (undated ones last, by first sight).
    public func notices(_ filter: NoticeFilter = NoticeFilter()) async throws(StoreError) -> [NoticeRecord] {
        try await read("list notices") { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let feed = filter.feed { clauses.append("feedID = ?"); arguments += [feed.rawValue] }
            if let status = filter.status { clauses.append("status = ?"); arguments += [status.rawValue] }
            if let api = filter.api {
                clauses.append("EXISTS (SELECT 1 FROM json_each(notice.apis) WHERE value = ?)")
                arguments += [api]
            }
            var sql = "SELECT * FROM notice"
            if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
            sql += " ORDER BY COALESCE(published, updated) IS NULL, COALESCE(published, updated) DESC, firstSeenAt DESC, id"
            if let limit = filter.limit { sql += " LIMIT ?"; arguments += [limit] }
            let aliases = try Self.aliasesByNotice(db)
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { Self.noticeRecord($0, aliases: aliases) }
        }
    }

    /// notice returns one notice by id or by any id its feed has given it, with all versions and changes.
    public func notice(_ idOrAlias: String) async throws(StoreError) -> NoticeDetail {
        try await read("read notice \(idOrAlias)") { db in
            let id = try Self.resolveNoticeID(idOrAlias, db: db)
            // Cached statements and cursor rows: a notice page is read often, preparing runs
            // GRDB's authorizer over every column and copied rows lowercase names per lookup.
            // A cursor row is read while its cursor lives and before another statement runs.
            let aliases = try Self.aliasesByNotice(db, noticeID: id)
            let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT * FROM notice WHERE id = ?"), arguments: [id])
            guard let row = try rows.next() else { throw StoreError.noSuchNotice(idOrAlias) }
            let notice = Self.noticeRecord(row, aliases: aliases)
            var versions: [NoticeVersion] = []
            let versionRows = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT * FROM noticeVersion WHERE noticeID = ? ORDER BY seq"), arguments: [id])
            while let row = try versionRows.next() { versions.append(Self.noticeVersion(from: row)) }
            var changes: [ChangeRecord] = []
            let changeRows = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT * FROM noticeChange WHERE noticeID = ? ORDER BY id"), arguments: [id])
            while let row = try changeRows.next() { changes.append(Self.changeRecord(from: row)) }
            return NoticeDetail(notice: notice, versions: versions, changes: changes)
        }
    }

    /// changes lists recorded changes, newest first.
    public func changes(_ filter: ChangeFilter = ChangeFilter()) async throws(StoreError) -> [ChangeRecord] {
        try await read("list changes") { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let since = filter.since { clauses.append("at >= ?"); arguments += [StoredDate.text(since)] }
            if let until = filter.until { clauses.append("at < ?"); arguments += [StoredDate.text(until)] }
            if let beforeID = filter.beforeID {
                clauses.append("(at, id) < (SELECT at, id FROM noticeChange WHERE id = ?)")
                arguments += [beforeID]
            }
            if let notice = filter.notice { clauses.append("noticeID = ?"); arguments += [notice.rawValue] }
            if let api = filter.api {
                clauses.append("EXISTS (SELECT 1 FROM json_each(noticeChange.apis) WHERE value = ?)")
                arguments += [api]
            }
            if filter.alertingOnly {
                let alerting = ChangeType.allCases.filter(\.isAlerting).map { "'\($0.rawValue)'" }.joined(separator: ",")
                clauses.append("change IN (\(alerting))")
            }
            var sql = "SELECT * FROM noticeChange"
            if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
            sql += " ORDER BY at DESC, id DESC"
            if let limit = filter.limit { sql += " LIMIT ?"; arguments += [limit] }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.changeRecord(from:))
        }
    }

    /// The stored id of the notice known by `idOrAlias`: its id, its current entry id, or an
    /// id its feed gave it before (see `noticeAlias`).
    static func resolveNoticeID(_ idOrAlias: String, db: Database) throws -> String {
        let id =
            try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM notice WHERE id = ?"), arguments: [idOrAlias])
            ?? String.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM notice WHERE entryID = ? LIMIT 1"), arguments: [idOrAlias])
            ?? String.fetchOne(
                db.cachedStatement(sql: "SELECT noticeID FROM noticeAlias WHERE alias = ? LIMIT 1"), arguments: [idOrAlias])
        guard let id else { throw StoreError.noSuchNotice(idOrAlias) }
        return id
    }

    private static func aliasesByNotice(_ db: Database, noticeID: String? = nil) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        let rows =
            if let noticeID {
                try Row.fetchAll(
                    db.cachedStatement(sql: "SELECT alias, noticeID FROM noticeAlias WHERE noticeID = ? ORDER BY alias"),
                    arguments: [noticeID])
            } else {
                try Row.fetchAll(db, sql: "SELECT alias, noticeID FROM noticeAlias ORDER BY alias")
            }
        for row in rows { result[row["noticeID"], default: []].append(row["alias"]) }
        return result
    }

    static func noticeRecord(_ row: Row, aliases: [String: [String]]) -> NoticeRecord {
        let id: String = row["id"]
        let windowStart = StoredDate.date(row["windowStart"])
        // A store opened read-only is not migrated: before v6 these columns are missing. Rows
        // from before v6 have no list; their one window (windowStart/windowEnd) is the list.
        let windows = row.hasColumn("maintenanceWindows") ? JSONColumn.windows(row["maintenanceWindows"]) : []
        let environment = row.hasColumn("environment") ? NoticeEnvironment(rawValue: row["environment"]) : nil
        let classification = Classification(
            kind: NoticeKind(rawValue: row["kind"]) ?? .news,
            apis: JSONColumn.strings(row["apis"]),
            scope: NoticeScope(rawValue: row["scope"]) ?? .unknown,
            maintenanceWindow: windowStart.map { MaintenanceWindow(start: $0, end: StoredDate.date(row["windowEnd"])) },
            unparsedWindow: row["unparsedWindow"], cancels: row["cancels"],
            severity: (row["severity"] as String?).flatMap(Severity.init(rawValue:)),
            unmappedComponents: JSONColumn.strings(row["unmappedComponents"]),
            // A store opened read-only is not migrated: before v5 the column is missing.
            unrecognisedAPIs: JSONColumn.strings(row.hasColumn("unrecognisedApis") ? row["unrecognisedApis"] : nil),
            environment: environment ?? .production, maintenanceWindows: windows.isEmpty ? nil : windows)
        return NoticeRecord(
            id: NoticeID(id), feedID: FeedID(row["feedID"] as String), entry: entry(from: row),
            aliases: aliases[id] ?? [], classification: classification,
            status: NoticeStatus(rawValue: row["status"]) ?? .active, firstSeenAt: StoredDate.date(row["firstSeenAt"]) ?? Date(timeIntervalSince1970: 0),
            lastChangedAt: StoredDate.date(row["lastChangedAt"]) ?? Date(timeIntervalSince1970: 0), versionCount: row["versionCount"],
            cancelsNoticeID: (row["cancelsNoticeID"] as String?).map { NoticeID($0) })
    }

    static func noticeVersion(from row: Row) -> NoticeVersion {
        NoticeVersion(
            seq: row["seq"], seenAt: StoredDate.date(row["seenAt"]) ?? Date(timeIntervalSince1970: 0), entry: entry(from: row),
            fingerprint: Fingerprint(text: row["textHash"], body: row["bodyHash"], version: row["versionHash"]))
    }

    /// The entry columns, which `notice` and `noticeVersion` share.
    static func entry(from row: Row) -> FeedEntry {
        FeedEntry(
            id: row["entryID"], title: row["title"], link: row["link"], published: StoredDate.date(row["published"]),
            updated: StoredDate.date(row["updated"]), categories: JSONColumn.strings(row["categories"]),
            summaryText: row["summaryText"], contentText: row["contentText"], contentHTML: row["contentHTML"],
            facts: JSONColumn.decode(SourceFacts?.self, row.hasColumn("facts") ? row["facts"] : nil, default: nil))
    }

    static func changeRecord(from row: Row) -> ChangeRecord {
        ChangeRecord(
            id: row["id"], noticeID: NoticeID(row["noticeID"] as String), feedID: FeedID(row["feedID"] as String),
            change: ChangeType(rawValue: row["change"]) ?? .changed, at: StoredDate.date(row["at"]) ?? Date(timeIntervalSince1970: 0), title: row["title"],
            kind: NoticeKind(rawValue: row["kind"]) ?? .news,
            apis: JSONColumn.strings(row["apis"]),
            scope: NoticeScope(rawValue: row["scope"]) ?? .unknown, versionSeq: row["versionSeq"],
            previousVersionSeq: row["previousVersionSeq"],
            severity: row.hasColumn("severity") ? (row["severity"] as String?).flatMap(Severity.init(rawValue:)) : nil,
            environment: row.hasColumn("environment")
                ? NoticeEnvironment(rawValue: row["environment"]) ?? .production : .production)
    }
}
