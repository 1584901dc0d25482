public import Foundation
import GRDB
public import VarselModel

extension NoticeStore {
    /// feedState returns the polling state of a feed, or nil if it was never polled.
    public func feedState(_ id: FeedID) async throws(StoreError) -> FeedState? {
        try await read("read feed \(id)") { db in try Self.fetchFeed(db, id) }
    }

    /// feeds returns the state of every feed ever polled, by id.
    public func feeds() async throws(StoreError) -> [FeedState] {
        try await read("list feeds") { db in
            try Row.fetchAll(db, sql: "SELECT *, \(Self.missingCountSQL) FROM feed ORDER BY id").map(Self.feedState(from:))
        }
    }

    /// recordNotModified notes a 304 (or an unchanged local file): the cheapest poll there is.
    /// Validators are replaced only when the response carried new ones. `updates` are the
    /// missing notices whose absence this poll confirmed once more (see `NoticeDiffer.stillAbsent`).
    /// - Returns: the change rows written (withdrawals).
    @discardableResult
    public func recordNotModified(
        feed: FeedID, url: String, etag: String?, lastModified: String?, updates: [NoticeUpdate] = [], poll: PollRecord,
        nextPollAt: Date?, route: @escaping ChangeRouter = NoticeStore.routeNowhere
    ) async throws(StoreError) -> [ChangeRecord] {
        try await write("record 304 for \(feed)") { db in
            try Self.ensureFeed(db, feed, url: url)
            let changes = try updates.compactMap { update -> ChangeRecord? in
                guard let change = try Self.apply(update, feed: feed, classifications: [:], now: poll.startedAt, db: db) else {
                    return nil
                }
                try Self.enqueue(route(change), for: change, db: db)
                try Self.linkToOpenIncidents(change, db: db)
                return change
            }
            try db.cachedStatement(
                sql: """
                    UPDATE feed SET etag = COALESCE(?, etag), lastModified = COALESCE(?, lastModified),
                        lastPollAt = ?, lastSuccessAt = ?, consecutiveFailures = 0, lastError = NULL, nextPollAt = ?
                    WHERE id = ?
                    """
            ).execute(arguments: [etag, lastModified, d(poll.startedAt), d(poll.startedAt), d(nextPollAt), feed.rawValue])
            try Self.insertPoll(db, poll)
            return changes
        }
    }

    /// recordFailure notes a failed poll. Stored notices and validators are left exactly as
    /// they were: a broken fetch or a malformed feed must never look like withdrawals.
    /// - Returns: the feed's consecutive failure count, including this one.
    @discardableResult
    public func recordFailure(feed: FeedID, url: String, poll: PollRecord, nextPollAt: Date?) async throws(StoreError) -> Int {
        try await write("record failure for \(feed)") { db in
            try Self.ensureFeed(db, feed, url: url)
            try db.execute(
                sql: """
                    UPDATE feed SET lastPollAt = ?, consecutiveFailures = consecutiveFailures + 1,
                        lastError = ?, nextPollAt = ? WHERE id = ?
                    """,
                arguments: [d(poll.startedAt), poll.error, d(nextPollAt), feed.rawValue])
            try Self.insertPoll(db, poll)
            return try Int.fetchOne(db, sql: "SELECT consecutiveFailures FROM feed WHERE id = ?", arguments: [feed.rawValue]) ?? 1
        }
    }

    /// recentPolls returns the poll log of a feed, newest first.
    public func recentPolls(feed: FeedID, limit: Int = 50) async throws(StoreError) -> [PollRecord] {
        try await read("read polls of \(feed)") { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM feedPoll WHERE feedID = ? ORDER BY startedAt DESC, id DESC LIMIT ?",
                arguments: [feed.rawValue, limit]
            ).map { row in
                PollRecord(
                    feedID: FeedID(row["feedID"] as String), startedAt: row["startedAt"], duration: row["duration"],
                    outcome: PollOutcome(rawValue: row["outcome"]) ?? .failed, httpStatus: row["httpStatus"],
                    bytes: row["bytes"], entries: row["entries"],
                    summary: Self.summary(from: row),
                    error: row["error"])
            }
        }
    }

    static func summary(from row: Row) -> DiffSummary {
        var summary = DiffSummary()
        summary.baseline = row["baseline"]
        summary.new = row["new"]
        summary.changed = row["changed"]
        summary.withdrawn = row["withdrawn"]
        summary.expired = row["expired"]
        summary.reappeared = row["reappeared"]
        summary.unchanged = row["unchanged"]
        return summary
    }

    static func ensureFeed(_ db: Database, _ feed: FeedID, url: String) throws {
        try db.cachedStatement(
            sql: "INSERT INTO feed (id, url) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET url = excluded.url"
        ).execute(arguments: [feed.rawValue, url])
    }

    static func insertPoll(_ db: Database, _ poll: PollRecord) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO feedPoll (feedID, startedAt, duration, outcome, httpStatus, bytes, entries,
                    baseline, new, changed, withdrawn, expired, reappeared, unchanged, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                poll.feedID.rawValue, d(poll.startedAt), poll.duration, poll.outcome.rawValue, poll.httpStatus, poll.bytes,
                poll.entries, poll.summary.baseline, poll.summary.new, poll.summary.changed, poll.summary.withdrawn,
                poll.summary.expired, poll.summary.reappeared, poll.summary.unchanged, poll.error,
            ])
    }

    static func fetchFeed(_ db: Database, _ id: FeedID) throws -> FeedState? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT *, \(missingCountSQL) FROM feed WHERE id = ?"), arguments: [id.rawValue]
        ).map(feedState(from:))
    }

    /// Counts a feed's missing notices through the partial index `notice_missing` (cheap: the
    /// index holds only missing notices, usually none).
    static let missingCountSQL = """
        (SELECT COUNT(*) FROM notice WHERE notice.feedID = feed.id AND status = 'active' AND missingPolls > 0) AS missingCount
        """

    static func feedState(from row: Row) -> FeedState {
        FeedState(
            id: FeedID(row["id"] as String), url: row["url"], title: row["title"], etag: row["etag"],
            lastModified: row["lastModified"], lastPollAt: row["lastPollAt"], lastSuccessAt: row["lastSuccessAt"],
            consecutiveFailures: row["consecutiveFailures"], lastError: row["lastError"], nextPollAt: row["nextPollAt"],
            missingCount: row["missingCount"] ?? 0,
            // A store opened read-only before v10 has no such column.
            stormSince: row.hasColumn("stormSince") ? StoredDate.date(row["stormSince"]) : nil)
    }
}

/// A date as the store writes it (see `StoredDate`).
private func d(_ date: Date?) -> String? { StoredDate.text(date) }
