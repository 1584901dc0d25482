public import Foundation
import GRDB
public import VarselModel

/// Which outbox rows one page lists (the deliveries page, the API, `varselvakt deliveries`).
public struct DeliverySearch: Sendable, Hashable {
    /// A notice id or alias; an unknown one is `StoreError.noSuchNotice`.
    public var notice: String?
    public var status: DeliveryStatus?
    public var subscriber: SubscriberID?
    public var channel: DeliveryChannel?
    /// Created at or after `from` and before `to`.
    public var from: Date?
    public var to: Date?
    /// A `StorePage.next` of an earlier page of deliveries.
    public var before: String?
    /// Rows per page; nil gives 50. (History clamps what people ask for to `PageSize`.)
    public var limit: Int?

    public init(
        notice: String? = nil, status: DeliveryStatus? = nil, subscriber: SubscriberID? = nil,
        channel: DeliveryChannel? = nil, from: Date? = nil, to: Date? = nil, before: String? = nil, limit: Int? = nil
    ) {
        self.notice = notice
        self.status = status
        self.subscriber = subscriber
        self.channel = channel
        self.from = from
        self.to = to
        self.before = before
        self.limit = limit
    }
}

extension NoticeStore {
    /// One page of outbox rows matching `search`, newest first (by id: ids grow with time).
    public func deliveryPage(_ search: DeliverySearch) async throws(StoreError) -> StorePage<DeliveryRecord> {
        let before = try search.before.map { text throws(StoreError) in
            try PageCursor.decode(text, list: "d", sortKeyIsDate: false).integerID(text)
        }
        return try await read("list deliveries") { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let notice = search.notice {
                clauses.append("noticeID = ?")
                arguments += [try Self.resolveNoticeID(notice, db: db)]
            }
            if let status = search.status { clauses.append("status = ?"); arguments += [status.rawValue] }
            if let subscriber = search.subscriber { clauses.append("subscriberID = ?"); arguments += [subscriber.rawValue] }
            if let channel = search.channel { clauses.append("channel = ?"); arguments += [channel.rawValue] }
            if let from = search.from { clauses.append("createdAt >= ?"); arguments += [StoredDate.text(from)] }
            if let to = search.to { clauses.append("createdAt < ?"); arguments += [StoredDate.text(to)] }
            if let before { clauses.append("id < ?"); arguments += [before] }
            var sql = "SELECT * FROM delivery"
            if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
            sql += " ORDER BY id DESC LIMIT ?"
            arguments += [(search.limit ?? 50) + 1]
            // A cursor, not fetchAll: its rows find a column by name through the statement's index
            // (fetchAll's copied rows lowercase every column name at every lookup: a sixth of the
            // deliveries page).
            let rows = try Array(Row.fetchCursor(db, sql: sql, arguments: arguments).map(Self.deliveryRecord(from:)))
            return StorePage.cut(rows, limit: search.limit ?? 50) { PageCursor(list: "d", sortKey: "", id: "\($0.id)") }
        }
    }

    /// The newest delivery of each of `subscribers` that has one, in one query: an index seek
    /// per subscriber (`delivery_on_subscriber`), never a read of the whole outbox.
    public func latestDeliveries(subscribers: [SubscriberID]) async throws(StoreError) -> [SubscriberID: DeliveryRecord] {
        guard !subscribers.isEmpty else { return [:] }
        return try await read("read latest delivery per subscriber") { db in
            let ids = JSONColumn.encode(subscribers.map(\.rawValue))
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT delivery.* FROM json_each(?) AS wanted JOIN delivery ON delivery.id = (
                        SELECT id FROM delivery WHERE subscriberID = wanted.value ORDER BY id DESC LIMIT 1)
                    """,
                arguments: [ids])
            var result: [SubscriberID: DeliveryRecord] = [:]
            for record in rows.map(Self.deliveryRecord(from:)) { result[record.planned.subscriberID] = record }
            return result
        }
    }

    /// Puts a dead or failed delivery back to pending, due at `now`, and records who asked, in
    /// one transaction. The outbox worker takes due pending rows on its own (`dueDeliveries`);
    /// the row keeps its attempts, error and creation time, so a row older than the retry
    /// policy's maximum age gets this one more attempt and is dead again if it fails.
    /// - Throws: `noSuchDelivery`, or `cannotSendAgain` naming the row and its state when it is
    ///   pending (already on its way) or sent (it arrived).
    public func sendAgain(delivery id: Int64, by user: String, now: Date = Date()) async throws(StoreError) -> DeliveryRecord {
        try await write("send delivery \(id) again") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM delivery WHERE id = ?", arguments: [id]) else {
                throw StoreError.noSuchDelivery(id)
            }
            let record = Self.deliveryRecord(from: row)
            guard record.status == .dead || record.status == .failed else {
                throw StoreError.cannotSendAgain(delivery: id, status: record.status)
            }
            try db.execute(
                sql: "UPDATE delivery SET status = 'pending', nextAttemptAt = ? WHERE id = ?",
                arguments: [StoredDate.text(now), id])
            try Self.recordAction(
                db, at: now, user: user, action: .sendAgain, target: "delivery:\(id)",
                detail: "\(record.status.rawValue) -> pending after \(record.attempts) attempts"
                    + (record.lastError.map { "; last error: \($0)" } ?? ""))
            guard let updated = try Row.fetchOne(db, sql: "SELECT * FROM delivery WHERE id = ?", arguments: [id]) else {
                throw StoreError.noSuchDelivery(id)
            }
            return Self.deliveryRecord(from: updated)
        }
    }
}
