import Foundation
import NoticeStore
import Testing
import VarselModel

/// A router that sends every alerting change to `subscribers` on email, as `Routing` would.
func routeTo(_ subscribers: [String], channel: DeliveryChannel = .email) -> ChangeRouter {
    { change in
        guard change.change.isAlerting else { return RoutingOutcome(deliveries: [], note: "varsles ikke") }
        let deliveries = subscribers.map { subscriber in
            PlannedDelivery(
                changeID: change.id, noticeID: change.noticeID, subscriberID: SubscriberID(subscriber),
                subscriberName: "\(subscriber) kommune", subscriberKind: .municipality, channel: channel,
                recipients: ["\(subscriber)@example.no"], reason: "all",
                idempotencyKey: "k-\(change.id)-\(subscriber)-\(channel.rawValue)")
        }
        return RoutingOutcome(deliveries: deliveries, note: "\(subscribers.count) abonnenter")
    }
}

@Suite struct OutboxTests {
    @Test func deliveriesAreWrittenWithTheChangeAndStartPending() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        let changes = try await store.recordModified(poll([update("n1", .new)], at: t0), route: routeTo(["oslo", "bergen"]))
        let deliveries = try await store.deliveries()
        #expect(deliveries.count == 2)
        #expect(Set(deliveries.map(\.planned.subscriberID.rawValue)) == ["oslo", "bergen"])
        #expect(deliveries.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.planned.changeID == changes[0].id })
        #expect(deliveries.first?.planned.recipients.first?.hasSuffix("@example.no") == true)
        #expect(try await store.routingNote(change: changes[0].id) == "2 abonnenter")
        #expect(try await store.dueDeliveries(now: t0).count == 2)
    }

    @Test func baselineChangesGetNoRowsButARoutingNote() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        let changes = try await store.recordModified(poll([update("n1", .baseline)], at: t0), route: routeTo(["oslo"]))
        #expect(try await store.deliveries().isEmpty)
        #expect(try await store.routingNote(change: changes[0].id) == "varsles ikke")
    }

    @Test func unroutedChangeRecordsThatNobodyIsSubscribed() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        let changes = try await store.recordModified(poll([update("n1", .new)], at: t0))
        #expect(try await store.routingNote(change: changes[0].id) == "ingen abonnenter konfigurert")
    }

    @Test func attemptsMoveRowsThroughFailedSentAndDead() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(poll([update("n1", .new)], at: t0), route: routeTo(["a", "b", "c"]))
        let rows = try await store.dueDeliveries(now: t0)
        let later = t0.addingTimeInterval(60)
        try await store.recordAttempts([
            DeliveryAttempt(deliveryID: rows[0].id, at: t0, outcome: .sent(detail: "HTTP 200")),
            DeliveryAttempt(deliveryID: rows[1].id, at: t0, outcome: .failed(error: "HTTP 500", retryAt: later)),
            DeliveryAttempt(deliveryID: rows[2].id, at: t0, outcome: .dead(error: "HTTP 410")),
        ])
        #expect(try await store.dueDeliveries(now: t0.addingTimeInterval(59)).isEmpty)
        let due = try await store.dueDeliveries(now: later)
        #expect(due.map(\.id) == [rows[1].id])
        #expect(due.first?.attempts == 1 && due.first?.lastError == "HTTP 500" && due.first?.status == .failed)
        #expect(try await store.nextDeliveryDue() == later)
        let dead = try await store.deliveries(DeliveryFilter(status: .dead))
        #expect(dead.map(\.id) == [rows[2].id] && dead.first?.lastError == "HTTP 410")
        let sent = try await store.deliveries(DeliveryFilter(status: .sent))
        #expect(sent.first?.sentAt == t0)
        // A late result for a row already dead or sent does not revive it.
        try await store.recordAttempts([
            DeliveryAttempt(deliveryID: rows[2].id, at: later, outcome: .failed(error: "x", retryAt: later))
        ])
        #expect(try await store.deliveries(DeliveryFilter(status: .dead)).count == 1)
        #expect(try await store.deliveryCounts() == [.sent: 1, .failed: 1, .dead: 1])
    }

    @Test func contextsCarryVersionsAndMarkLaterAlertsAsFollowUps() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(poll([update("n1", .new, title: "Først")], at: t0), route: routeTo(["oslo"]))
        _ = try await store.recordModified(
            poll([update("n1", .changed, title: "Så", hash: "t2")], at: t0.addingTimeInterval(300)), route: routeTo(["oslo"]))
        let rows = try await store.dueDeliveries(now: t0.addingTimeInterval(600))
        #expect(rows.count == 2)
        let contexts = try await store.alertContexts(for: rows)
        let first = try #require(contexts[rows[0].id])
        let second = try #require(contexts[rows[1].id])
        #expect(!first.isFollowUp && second.isFollowUp)
        #expect(first.version?.entry.title == "Først" && first.previousVersion == nil)
        #expect(second.version?.entry.title == "Så" && second.previousVersion?.entry.title == "Først")
        #expect(second.change.change == .changed && second.notice.entry.title == "Så")
    }

    @Test func deliveriesAreListedByNoticeAliasAndChannel() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordModified(
            poll([update("n1", .new), update("n2", .new)], at: t0), route: routeTo(["oslo"], channel: .webhook))
        #expect(try await store.deliveries(DeliveryFilter(notice: "n2")).map(\.planned.noticeID) == [NoticeID("n2")])
        #expect(try await store.deliveries(DeliveryFilter(channel: .email)).isEmpty)
        #expect(try await store.deliveries(DeliveryFilter(limit: 1)).count == 1)
        await #expect(throws: StoreError.self) { try await store.deliveries(DeliveryFilter(notice: "nope")) }
    }
}
