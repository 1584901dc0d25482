public import Foundation
import GRDB
public import VarselModel

/// Everything one successful, modified poll of one feed writes, applied in one transaction.
public struct ModifiedPoll: Sendable {
    public var feed: FeedID
    public var url: String
    public var title: String?
    public var etag: String?
    public var lastModified: String?
    /// The differ's verdict for every notice whose state changes.
    public var updates: [NoticeUpdate]
    /// Classification of each update that carries an entry with a new version.
    public var classifications: [NoticeID: Classification]
    public var poll: PollRecord
    public var nextPollAt: Date?
    /// Whether this poll is an alert storm (`AlertStorm`): the feed's `stormSince` is kept (or
    /// set) when it is, and cleared when it is not.
    public var storm: Bool

    public init(
        feed: FeedID, url: String, title: String?, etag: String?, lastModified: String?, updates: [NoticeUpdate],
        classifications: [NoticeID: Classification], poll: PollRecord, nextPollAt: Date?, storm: Bool = false
    ) {
        self.storm = storm
        self.feed = feed
        self.url = url
        self.title = title
        self.etag = etag
        self.lastModified = lastModified
        self.updates = updates
        self.classifications = classifications
        self.poll = poll
        self.nextPollAt = nextPollAt
    }
}

extension NoticeStore {
    /// storedNotices returns what the differ needs about every notice of a feed, any status.
    public func storedNotices(feed: FeedID) async throws(StoreError) -> [StoredNotice] {
        try await storedNotices(feed: feed, where: "")
    }

    private func storedNotices(feed: FeedID, where extra: String) async throws(StoreError) -> [StoredNotice] {
        try await read("read notices of \(feed)") { db in
            var aliases: [String: [String]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT alias, noticeID FROM noticeAlias WHERE feedID = ?", arguments: [feed.rawValue])
            {
                aliases[row["noticeID"], default: []].append(row["alias"])
            }
            // Every poll of a modified feed reads every notice of it: columns by position, and
            // dates parsed by `StoredDate` rather than GRDB's Calendar-based decoding. Body text
            // only for active notices, the only ones the differ may pair by similar words.
            let statement = try db.cachedStatement(
                sql: """
                    SELECT id, entryID, status, textHash, bodyHash, versionHash, published, updated, missingPolls,
                        CASE WHEN status = 'active' THEN summaryText || char(10) || contentText END
                    FROM notice WHERE feedID = ? \(extra) ORDER BY published DESC, id
                    """)
            var notices: [StoredNotice] = []
            let rows = try Row.fetchCursor(statement, arguments: [feed.rawValue])
            while let row = try rows.next() {
                let id: String = row[0]
                notices.append(
                    StoredNotice(
                        id: NoticeID(id), entryID: row[1], aliases: aliases[id] ?? [],
                        status: NoticeStatus(rawValue: row[2]) ?? .active,
                        fingerprint: Fingerprint(text: row[3], body: row[4], version: row[5]),
                        published: StoredDate.date(row[6]), updated: StoredDate.date(row[7]), missingPolls: row[8],
                        bodyText: row[9]))
            }
            return notices
        }
    }

    /// missingNotices returns the active notices of a feed currently counted as missing: the only
    /// ones a `304 Not Modified` poll must look at (their absence counts one poll more).
    public func missingNotices(feed: FeedID) async throws(StoreError) -> [StoredNotice] {
        try await storedNotices(feed: feed, where: "AND status = 'active' AND missingPolls > 0")
    }

    /// recordModified stores one modified poll: the feed's validators, every notice update,
    /// new versions and change rows, the outbox rows `route` plans for each change, and the poll
    /// log line.
    ///
    /// A large poll is written in several transactions of at most `updatesPerTransaction`
    /// updates, so a first poll of 50,000 entries never holds the write lock for long (the outbox
    /// and the probes write between them) and each transaction's dirty pages fit the page cache
    /// (one transaction re-wrote and re-read spilled pages, growing faster than the entries).
    /// Each transaction is whole on its own: a notice, its version, its change row and that
    /// change's outbox rows commit together, so a crash between two leaves notices that are
    /// stored and alerted, or not stored at all; the next poll stores the rest exactly once.
    /// The first transaction moves the feed's `lastPollAt`, so a poller's memory of the feed
    /// (keyed by it) is not trusted after a poll that stopped half way; the feed's validators,
    /// success and poll line are written by the last, so the next poll fetches the feed again.
    /// - Parameter route: pure; called inside the transaction once per change row, after the row
    ///   has its id (idempotency keys are derived from it).
    /// - Returns: the change rows written, in the order of `updates`.
    public func recordModified(
        _ poll: ModifiedPoll, route: @escaping ChangeRouter = NoticeStore.routeNowhere
    ) async throws(StoreError) -> [ChangeRecord] {
        let now = poll.poll.startedAt
        let chunks = stride(from: 0, to: max(poll.updates.count, 1), by: Self.updatesPerTransaction).map {
            Array(poll.updates[$0..<min($0 + Self.updatesPerTransaction, poll.updates.count)])
        }
        var changes: [ChangeRecord] = []
        for (index, chunk) in chunks.enumerated() {
            let isFirst = index == 0
            let isLast = index == chunks.count - 1
            let part = chunks.count > 1 ? " (part \(index + 1) of \(chunks.count))" : ""
            changes += try await write("store poll of \(poll.feed)\(part)") { db in
                if isFirst {
                    try Self.ensureFeed(db, poll.feed, url: poll.url)
                    try Self.run(db, sql: "UPDATE feed SET lastPollAt = ? WHERE id = ?", arguments: [d(now), poll.feed.rawValue])
                }
                var written: [ChangeRecord] = []
                for update in chunk {
                    if let change = try Self.apply(update, feed: poll.feed, classifications: poll.classifications, now: now, db: db) {
                        try Self.enqueue(route(change), for: change, db: db)
                        try Self.linkToOpenIncidents(change, db: db)
                        written.append(change)
                    }
                }
                if isLast { try Self.finish(poll, db: db) }
                return written
            }
        }
        return changes
    }

    /// How many notice updates one write transaction holds (see `recordModified`).
    static let updatesPerTransaction = 250

    /// The end of a modified poll: cancellations linked (after all updates: a cancellation
    /// usually sits above the notice it cancels in the feed), the feed's state, the poll line.
    private static func finish(_ poll: ModifiedPoll, db: Database) throws {
        for update in poll.updates {
            if let cancelled = poll.classifications[update.noticeID]?.cancels {
                try linkCancellation(update.noticeID, cancels: cancelled, feed: poll.feed, db: db)
            }
        }
        let now = poll.poll.startedAt
        try run(
            db,
            sql: """
                UPDATE feed SET title = COALESCE(?, title), etag = ?, lastModified = ?, lastPollAt = ?,
                    lastSuccessAt = ?, consecutiveFailures = 0, lastError = NULL, nextPollAt = ?,
                    stormSince = CASE WHEN ? THEN COALESCE(stormSince, ?) END
                WHERE id = ?
                """,
            arguments: [
                poll.title, poll.etag, poll.lastModified, d(now), d(now), d(poll.nextPollAt), poll.storm, d(now),
                poll.feed.rawValue,
            ])
        try insertPoll(db, poll.poll)
    }

    static func apply(
        _ update: NoticeUpdate, feed: FeedID, classifications: [NoticeID: Classification], now: Date, db: Database
    ) throws -> ChangeRecord? {
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT feedID, versionCount FROM notice WHERE id = ?"),
            arguments: [update.noticeID.rawValue])
        var id = update.noticeID
        var previousSeq: Int? = existing?["versionCount"]
        if let existing, (existing["feedID"] as String) != feed.rawValue {
            // Another feed already uses this entry id (unheard of in practice): keep both apart.
            id = NoticeID("\(feed.rawValue):\(update.noticeID.rawValue)")
            previousSeq = try Int.fetchOne(db, sql: "SELECT versionCount FROM notice WHERE id = ?", arguments: [id.rawValue])
        }
        let classification = classifications[update.noticeID]
        var seq = previousSeq
        if let entry = update.entry, let fingerprint = update.fingerprint {
            if previousSeq == nil {
                try insertNotice(
                    db, id: id, feed: feed, entry: entry, fingerprint: fingerprint,
                    classification: classification ?? fallbackClassification, update: update, now: now)
                seq = 1
                try insertVersion(db, noticeID: id, seq: 1, entry: entry, fingerprint: fingerprint, now: now)
            } else if update.recordsVersion {
                seq = (previousSeq ?? 0) + 1
                try updateNotice(
                    db, id: id, entry: entry, fingerprint: fingerprint, classification: classification,
                    update: update, versionCount: seq!, now: now)
                try insertVersion(db, noticeID: id, seq: seq!, entry: entry, fingerprint: fingerprint, now: now)
            } else {
                try updateStatus(db, id: id, update: update, now: now)
            }
            if let newEntryID = update.newEntryID {
                let old = try String.fetchOne(db, sql: "SELECT entryID FROM notice WHERE id = ?", arguments: [id.rawValue])
                try run(db, sql: "UPDATE notice SET entryID = ? WHERE id = ?", arguments: [newEntryID, id.rawValue])
                for alias in Set([old, id.rawValue].compactMap { $0 }) where alias != newEntryID {
                    try run(
                        db,
                        sql: "INSERT OR IGNORE INTO noticeAlias (feedID, alias, noticeID) VALUES (?, ?, ?)",
                        arguments: [feed.rawValue, alias, id.rawValue])
                }
            }
        } else {
            guard previousSeq != nil else { return nil }
            try updateStatus(db, id: id, update: update, now: now)
        }
        guard let change = update.change else { return nil }
        // The change row keeps the notice's title and classification as they are now: from the
        // values in hand when this update carried them, else (withdrawals) from the row.
        let title: String
        var kind: NoticeKind
        let apis: [String]
        let scope: NoticeScope
        let severity: Severity?
        let environment: NoticeEnvironment
        if let entry = update.entry, update.recordsVersion, let classification {
            (title, kind, apis, scope) = (entry.title, classification.kind, classification.apis, classification.scope)
            severity = classification.severity
            environment = classification.environment
        } else {
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT title, kind, apis, scope, severity, environment, windowStart FROM notice WHERE id = ?"),
                arguments: [id.rawValue])
            title = row?["title"] ?? ""
            kind = NoticeKind(rawValue: row?["kind"] ?? "") ?? .news
            apis = JSONColumn.strings(row?["apis"])
            scope = NoticeScope(rawValue: row?["scope"] ?? "") ?? .unknown
            severity = (row?["severity"] as String?).flatMap(Severity.init(rawValue:))
            environment = NoticeEnvironment(rawValue: row?["environment"] ?? "") ?? .production
            if change == .withdrawn, kind == .maintenance, let start = StoredDate.date(row?["windowStart"]), start > now {
                // A maintenance taken down before its window starts will not happen: that is a
                // cancellation (status pages have no "cancelled" state; they delete it).
                kind = .cancelled
                try run(db, sql: "UPDATE notice SET kind = 'cancelled' WHERE id = ?", arguments: [id.rawValue])
            }
        }
        let versionChanged = seq != previousSeq
        try run(
            db,
            sql: """
                INSERT INTO noticeChange (noticeID, feedID, change, at, title, kind, apis, scope, versionSeq, previousVersionSeq,
                    severity, environment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.rawValue, feed.rawValue, change.rawValue, d(now), title, kind.rawValue, JSONColumn.encode(apis),
                scope.rawValue, seq, versionChanged ? previousSeq : nil, severity?.rawValue, environment.rawValue,
            ])
        return ChangeRecord(
            id: db.lastInsertedRowID, noticeID: id, feedID: feed, change: change, at: now, title: title, kind: kind,
            apis: apis, scope: scope, versionSeq: seq, previousVersionSeq: versionChanged ? previousSeq : nil,
            severity: severity, environment: environment)
    }

    /// "Utgår - X" names the notice it cancels only by title: link the oldest notice of the same
    /// feed with exactly that title, or nothing.
    private static func linkCancellation(_ id: NoticeID, cancels title: String, feed: FeedID, db: Database) throws {
        try run(
            db,
            sql: """
                UPDATE notice SET cancelsNoticeID = (
                    SELECT other.id FROM notice AS other
                    WHERE other.feedID = ? AND other.id != ? AND other.title = ?
                    ORDER BY other.firstSeenAt, other.id LIMIT 1)
                WHERE id = ?
                """,
            arguments: [feed.rawValue, id.rawValue, title, id.rawValue])
    }

    /// Used only if the caller forgot to classify a new entry: never drop a notice for that.
    private static let fallbackClassification = Classification(kind: .news, apis: [], scope: .unknown)
}

/// A date as the store writes it (see `StoredDate`).
private func d(_ date: Date?) -> String? { StoredDate.text(date) }
