public import Foundation
public import NoticeStore
public import VarselModel

/// What an operator may change by hand: send a dead delivery again, add or expire a silence.
/// Each action is recorded with who and when, in the same transaction as the action itself.
///
/// The one writer in History. History answers "what happened", and an operator's action is
/// part of what happened; keeping the writes here (and not in the web routes or the CLI) means
/// the page, the API and the CLI cannot act without leaving the record. It never sends:
/// sending again puts the row back in the outbox, and the outbox worker takes it from there.
public struct OperatorActions: Sendable {
    public let store: NoticeStore

    public init(store: NoticeStore) {
        self.store = store
    }

    /// Puts a dead or failed delivery back to pending, due `now`.
    /// - Throws: `StoreError.noSuchDelivery`, or `StoreError.cannotSendAgain` naming the delivery
    ///   and its state when it is pending or sent.
    public func sendAgain(delivery: Int64, by user: String, now: Date = Date()) async throws(StoreError) -> DeliveryRecord {
        try await store.sendAgain(delivery: delivery, by: user, now: now)
    }

    /// Silences `api`'s probe alerts from `start` to `end` (incidents are still recorded).
    public func addSilence(
        api: String, start: Date, end: Date, reason: String, by user: String, now: Date = Date()
    ) async throws(StoreError) -> Silence {
        try await store.addSilence(api: api, start: start, end: end, reason: reason, now: now, by: user)
    }

    /// Ends silence `id` now; it stays in history.
    /// - Throws: `StoreError.noActiveSilence` when there is no such silence or it was already expired.
    public func expireSilence(id: Int64, by user: String, now: Date = Date()) async throws(StoreError) {
        guard try await store.removeSilence(id: id, now: now, by: user) else { throw .noActiveSilence(id) }
    }
}
