public import Foundation
import GRDB
public import VarselModel

/// A maintenance window a stored notice announces, with what the status page and the timeline
/// show of that notice.
public struct NoticeWindow: Sendable, Hashable {
    public var notice: NoticeID
    public var title: String
    public var apis: [String]
    public var window: MaintenanceWindow

    public init(notice: NoticeID, title: String, apis: [String], window: MaintenanceWindow) {
        self.notice = notice
        self.title = title
        self.apis = apis
        self.window = window
    }
}

extension NoticeStore {
    /// The newest probe result per (api, environment) for `apis`, in that order: one statement whose
    /// correlated subquery seeks `probeResult_on_api` once per pair, so a million stored results
    /// cost nothing here. One statement rather than one per pair: each statement's cursor builds
    /// GRDB's column-name table anew, which was a tenth of the status page's time.
    public func latestProbeResults(apis: [String]) async throws(StoreError) -> [ProbeResult] {
        guard !apis.isEmpty else { return [] }
        return try await read("read latest probe results of \(apis.count) APIs") { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT probeResult.* FROM json_each(?) AS api CROSS JOIN json_each(?) AS environment
                    JOIN probeResult ON probeResult.id = (
                        SELECT id FROM probeResult
                        WHERE probeResult.api = api.value AND probeResult.environment = environment.value
                        ORDER BY at DESC, id DESC LIMIT 1)
                    ORDER BY api.key, environment.key
                    """)
            let rows = try Row.fetchCursor(
                statement,
                arguments: [JSONColumn.encode(apis), JSONColumn.encode(ProbeEnvironment.allCases.map(\.rawValue))])
            var results: [ProbeResult] = []
            while let row = try rows.next() { results.append(Self.probeResult(from: row)) }
            return results
        }
    }

    /// The newest notice (by publication, else first sight) naming each API, without its text
    /// (`summaryText`, `contentText` and `contentHTML` are empty). One statement finds each API's
    /// notice (seeking `noticeAPI` once per API), a second reads each distinct notice once: many
    /// APIs share a notice (one about everything names them all). Notices varselvakt writes
    /// about its own probe incidents are left out: the status page shows the incident itself.
    public func newestNotices(byAPI apis: [String]) async throws(StoreError) -> [String: NoticeRecord] {
        guard !apis.isEmpty else { return [:] }
        return try await read("read newest notice per API") { db in
            let newest = try db.cachedStatement(
                sql: """
                    SELECT api.value AS forAPI, (
                        SELECT noticeID FROM noticeAPI WHERE noticeAPI.api = api.value AND feedID != ?
                        ORDER BY sortAt DESC, noticeID DESC LIMIT 1) AS noticeID
                    FROM json_each(?) AS api
                    """)
            var pairs: [(api: String, id: String)] = []
            let found = try Row.fetchCursor(newest, arguments: [FeedID.probes.rawValue, JSONColumn.encode(apis)])
            while let row = try found.next() {
                if let id = row["noticeID"] as String? { pairs.append((row["forAPI"], id)) }
            }
            let ids = Array(Set(pairs.map(\.id)))
            guard !ids.isEmpty else { return [:] }
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
            let aliases = try Self.aliases(db, of: ids)
            // Everything a record holds but its text, which the status page does not show and
            // which is most of each row's bytes. Cursor rows (see deliveryPage): copied rows
            // lowercase every column name per lookup.
            let statement = try db.cachedStatement(
                sql: "SELECT \(Self.noticeColumnsWithoutText) FROM notice WHERE id IN (\(marks))")
            var notices: [String: NoticeRecord] = [:]
            let rows = try Row.fetchCursor(statement, arguments: StatementArguments(ids))
            while let row = try rows.next() {
                let record = Self.noticeRecord(row, aliases: aliases)
                notices[record.id.rawValue] = record
            }
            var result: [String: NoticeRecord] = [:]
            for pair in pairs { result[pair.api] = notices[pair.id] }
            return result
        }
    }

    /// Every window announced by an active notice that is not a cancellation and that no stored
    /// cancellation points at: the maintenance that is still on. With `endingAfter`, only
    /// notices whose last window ends (or, without an end, starts) at or after it: an index
    /// lookup (`windowsEndAt`), where all of them would be a scan of every notice with a window.
    public func announcedWindows(endingAfter: Date? = nil) async throws(StoreError) -> [NoticeWindow] {
        try await read("read announced maintenance windows") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, title, apis, windowStart, windowEnd, maintenanceWindows FROM notice
                    WHERE status = 'active' AND windowsEndAt >= ? AND kind != 'cancelled'
                        AND id NOT IN (SELECT cancelsNoticeID FROM notice WHERE cancelsNoticeID IS NOT NULL)
                    """, arguments: [StoredDate.text(endingAfter) ?? ""]
            ).flatMap { row -> [NoticeWindow] in
                let (id, title) = (NoticeID(row["id"] as String), row["title"] as String)
                let apis = JSONColumn.strings(row["apis"])
                var windows = JSONColumn.windows(row["maintenanceWindows"])
                if windows.isEmpty, let start = StoredDate.date(row["windowStart"]) {
                    windows = [MaintenanceWindow(start: start, end: StoredDate.date(row["windowEnd"]))]
                }
                return windows.map { NoticeWindow(notice: id, title: title, apis: apis, window: $0) }
            }
        }
    }

    /// Deliveries that arrived (sent) or were given up (dead) in [from, to), newest first.
    public func deliveryOutcomes(from: Date, to: Date) async throws(StoreError) -> [DeliveryRecord] {
        try await read("read delivery outcomes") { db in
            let (start, end) = (StoredDate.text(from), StoredDate.text(to))
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM delivery WHERE sentAt >= ? AND sentAt < ?
                    UNION ALL
                    SELECT * FROM delivery WHERE status = 'dead' AND lastAttemptAt >= ? AND lastAttemptAt < ?
                    ORDER BY id DESC
                    """,
                arguments: [start, end, start, end]
            ).map(Self.deliveryRecord(from:))
        }
    }
}
