public import Foundation
import GRDB
public import VarselModel

/// Plans the alerts for one change. Called inside the store's write transaction, so it must be
/// pure and quick (`Routing.Router.route` is).
public typealias ChangeRouter = @Sendable (ChangeRecord) -> RoutingOutcome

/// The result of one delivery attempt, as the outbox records it.
public struct DeliveryAttempt: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// Accepted; `detail` is the receiver's answer ("HTTP 200", "250 OK").
        case sent(detail: String)
        /// Failed; try again at `retryAt`.
        case failed(error: String, retryAt: Date)
        /// Given up: a permanent refusal, or the row is older than the configured maximum age.
        case dead(error: String)
    }

    public var deliveryID: Int64
    public var at: Date
    public var outcome: Outcome

    public init(deliveryID: Int64, at: Date, outcome: Outcome) {
        self.deliveryID = deliveryID
        self.at = at
        self.outcome = outcome
    }
}

/// Which outbox rows `deliveries(_:)` lists.
public struct DeliveryFilter: Sendable, Hashable {
    /// A notice id or alias.
    public var notice: String?
    public var status: DeliveryStatus?
    public var subscriber: SubscriberID?
    public var channel: DeliveryChannel?
    public var since: Date?
    public var limit: Int?

    public init(
        notice: String? = nil, status: DeliveryStatus? = nil, subscriber: SubscriberID? = nil,
        channel: DeliveryChannel? = nil, since: Date? = nil, limit: Int? = nil
    ) {
        self.notice = notice
        self.status = status
        self.subscriber = subscriber
        self.channel = channel
        self.since = since
        self.limit = limit
    }
}

extension NoticeStore {
    /// The default router of the ingest methods: nobody subscribed (the CLI's `poll --once`
    /// without subscribers, and tests of ingest alone). The change still records why.
    public static let routeNowhere: ChangeRouter = { change in
        RoutingOutcome(deliveries: [], note: change.change.isAlerting ? "ingen abonnenter konfigurert" : "varsles ikke")
    }

    /// Writes the outbox rows of one change and its routing note. Part of the ingest transaction.
    static func enqueue(_ outcome: RoutingOutcome, for change: ChangeRecord, db: Database) throws {
        try db.cachedStatement(sql: "UPDATE noticeChange SET routing = ? WHERE id = ?")
            .execute(arguments: [outcome.note, change.id])
        guard !outcome.deliveries.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO delivery (changeID, noticeID, subscriberID, subscriberName, subscriberKind, channel,
                    recipients, reason, idempotencyKey, status, attempts, createdAt, nextAttemptAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)
                """)
        let now = StoredDate.text(change.at)
        for planned in outcome.deliveries {
            try insert.execute(arguments: [
                planned.changeID, planned.noticeID.rawValue, planned.subscriberID.rawValue, planned.subscriberName,
                planned.subscriberKind.rawValue, planned.channel.rawValue, JSONColumn.encode(planned.recipients),
                planned.reason, planned.idempotencyKey, now, now,
            ])
        }
    }

    /// Rows due for an attempt at `now` (pending, or failed with their retry time reached), oldest
    /// first. Rows a crash interrupted mid-send are still pending, so they come back here.
    ///
    /// A row whose last attempt (or, never tried, its creation) lies after `now` is due too: the
    /// wall clock was set back past it. Without this, a clock set back an hour would hold every
    /// waiting alert, new ones included, for that hour; with it they go at once, a retry at most
    /// one back-off step early, and later times are computed from the corrected clock.
    public func dueDeliveries(now: Date, limit: Int = 1000) async throws(StoreError) -> [DeliveryRecord] {
        try await read("read due deliveries") { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT * FROM delivery WHERE status IN ('pending', 'failed')
                            AND (nextAttemptAt <= ?1 OR COALESCE(lastAttemptAt, createdAt) > ?1)
                        ORDER BY nextAttemptAt, id LIMIT ?2
                        """),
                arguments: [StoredDate.text(now), limit]
            ).map(Self.deliveryRecord(from:))
        }
    }

    /// When the next waiting row falls due, or nil when nothing waits.
    public func nextDeliveryDue() async throws(StoreError) -> Date? {
        try await read("read next due delivery") { db in
            let text = try String.fetchOne(
                db, sql: "SELECT MIN(nextAttemptAt) FROM delivery WHERE status IN ('pending', 'failed')")
            return StoredDate.date(text)
        }
    }

    /// Everything the templates need for each row, read in one snapshot; changes, notices and
    /// versions shared by many rows (one change fanned out to 1,000 subscribers) are read once.
    /// Rows whose change or notice is gone are left out of the result.
    public func alertContexts(for deliveries: [DeliveryRecord]) async throws(StoreError) -> [Int64: AlertContext] {
        try await read("read alert contexts") { db in
            var changes: [Int64: ChangeRecord] = [:]
            var notices: [NoticeID: NoticeRecord] = [:]
            var versions: [String: NoticeVersion] = [:]
            var cancelledTitles: [NoticeID: String] = [:]
            func version(_ notice: NoticeID, _ seq: Int?) throws -> NoticeVersion? {
                guard let seq else { return nil }
                let key = "\(seq)|\(notice.rawValue)"
                if let cached = versions[key] { return cached }
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT * FROM noticeVersion WHERE noticeID = ? AND seq = ?", arguments: [notice.rawValue, seq])
                else { return nil }
                let version = Self.noticeVersion(from: row)
                versions[key] = version
                return version
            }
            let followUp = try db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM delivery WHERE noticeID = ? AND subscriberID = ? AND channel = ? AND id < ?)")
            var result: [Int64: AlertContext] = [:]
            for delivery in deliveries {
                let planned = delivery.planned
                if changes[planned.changeID] == nil,
                    let row = try Row.fetchOne(db, sql: "SELECT * FROM noticeChange WHERE id = ?", arguments: [planned.changeID])
                {
                    changes[planned.changeID] = Self.changeRecord(from: row)
                }
                if notices[planned.noticeID] == nil,
                    let row = try Row.fetchOne(db, sql: "SELECT * FROM notice WHERE id = ?", arguments: [planned.noticeID.rawValue])
                {
                    let aliases = try String.fetchAll(
                        db, sql: "SELECT alias FROM noticeAlias WHERE noticeID = ? ORDER BY alias",
                        arguments: [planned.noticeID.rawValue])
                    let notice = Self.noticeRecord(row, aliases: [planned.noticeID.rawValue: aliases])
                    notices[planned.noticeID] = notice
                    if let cancelled = notice.cancelsNoticeID {
                        cancelledTitles[planned.noticeID] = try String.fetchOne(
                            db, sql: "SELECT title FROM notice WHERE id = ?", arguments: [cancelled.rawValue])
                    }
                }
                guard let change = changes[planned.changeID], let notice = notices[planned.noticeID] else { continue }
                let isFollowUp =
                    try Bool.fetchOne(
                        followUp,
                        arguments: [planned.noticeID.rawValue, planned.subscriberID.rawValue, planned.channel.rawValue, delivery.id]
                    ) ?? false
                result[delivery.id] = AlertContext(
                    delivery: delivery, change: change, notice: notice,
                    version: try version(notice.id, change.versionSeq),
                    previousVersion: try version(notice.id, change.previousVersionSeq),
                    cancelledTitle: cancelledTitles[notice.id], isFollowUp: isFollowUp)
            }
            return result
        }
    }

    /// Records attempts, many in one transaction (a fan-out finishes hundreds per second).
    public func recordAttempts(_ attempts: [DeliveryAttempt]) async throws(StoreError) {
        guard !attempts.isEmpty else { return }
        try await write("record \(attempts.count) delivery attempts") { db in
            let sent = try db.cachedStatement(
                sql: """
                    UPDATE delivery SET status = 'sent', attempts = attempts + 1, lastAttemptAt = ?, sentAt = ?,
                        nextAttemptAt = NULL WHERE id = ?
                    """)
            let failed = try db.cachedStatement(
                sql: """
                    UPDATE delivery SET status = 'failed', attempts = attempts + 1, lastAttemptAt = ?, lastError = ?,
                        nextAttemptAt = ? WHERE id = ? AND status IN ('pending', 'failed')
                    """)
            let dead = try db.cachedStatement(
                sql: """
                    UPDATE delivery SET status = 'dead', attempts = attempts + 1, lastAttemptAt = ?, lastError = ?,
                        nextAttemptAt = NULL WHERE id = ? AND status IN ('pending', 'failed')
                    """)
            for attempt in attempts {
                let at = StoredDate.text(attempt.at)
                switch attempt.outcome {
                case .sent:
                    try sent.execute(arguments: [at, at, attempt.deliveryID])
                case .failed(let error, let retryAt):
                    try failed.execute(arguments: [at, error, StoredDate.text(retryAt), attempt.deliveryID])
                case .dead(let error):
                    try dead.execute(arguments: [at, error, attempt.deliveryID])
                }
            }
        }
    }

    /// Outbox rows for `varselvakt deliveries`, newest first.
    public func deliveries(_ filter: DeliveryFilter = DeliveryFilter()) async throws(StoreError) -> [DeliveryRecord] {
        try await read("list deliveries") { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let notice = filter.notice {
                let id = try Self.resolveNoticeID(notice, db: db)
                clauses.append("noticeID = ?")
                arguments += [id]
            }
            if let status = filter.status {
                clauses.append("status = ?")
                arguments += [status.rawValue]
            }
            if let subscriber = filter.subscriber {
                clauses.append("subscriberID = ?")
                arguments += [subscriber.rawValue]
            }
            if let channel = filter.channel {
                clauses.append("channel = ?")
                arguments += [channel.rawValue]
            }
            if let since = filter.since {
                clauses.append("createdAt >= ?")
                arguments += [StoredDate.text(since)]
            }
            var sql = "SELECT * FROM delivery"
            if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
            sql += " ORDER BY id DESC"
            if let limit = filter.limit {
                sql += " LIMIT ?"
                arguments += [limit]
            }
            // Cached: the clauses hold only placeholders, so there are few distinct texts.
            return try Array(Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments).map(Self.deliveryRecord(from:)))
        }
    }

    /// How many rows stand in each status (for the daemon's log and metrics).
    public func deliveryCounts() async throws(StoreError) -> [DeliveryStatus: Int] {
        try await read("count deliveries") { db in
            var counts: [DeliveryStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM delivery GROUP BY status") {
                if let status = DeliveryStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    /// The routing note history keeps for a change ("3 abonnenter ...", "ingen abonnent for inntekt").
    public func routingNote(change: Int64) async throws(StoreError) -> String? {
        try await read("read routing note") { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT routing FROM noticeChange WHERE id = ?"), arguments: [change])
        }
    }

    static func deliveryRecord(from row: Row) -> DeliveryRecord {
        let planned = PlannedDelivery(
            changeID: row["changeID"], noticeID: NoticeID(row["noticeID"] as String),
            subscriberID: SubscriberID(row["subscriberID"] as String), subscriberName: row["subscriberName"],
            subscriberKind: SubscriberKind(rawValue: row["subscriberKind"]) ?? .municipality,
            channel: DeliveryChannel(rawValue: row["channel"]) ?? .email,
            recipients: JSONColumn.strings(row["recipients"]), reason: row["reason"],
            idempotencyKey: row["idempotencyKey"])
        return DeliveryRecord(
            id: row["id"], planned: planned, status: DeliveryStatus(rawValue: row["status"]) ?? .pending,
            attempts: row["attempts"], createdAt: StoredDate.date(row["createdAt"]) ?? Date(timeIntervalSince1970: 0),
            nextAttemptAt: StoredDate.date(row["nextAttemptAt"]), lastAttemptAt: StoredDate.date(row["lastAttemptAt"]),
            sentAt: StoredDate.date(row["sentAt"]), lastError: row["lastError"])
    }
}
