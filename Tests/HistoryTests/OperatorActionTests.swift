import Foundation
import History
import NoticeStore
import Testing
import VarselModel

@Suite struct OperatorActionTests {
    /// One notice told to oslo (sent) and bergen (dead).
    func filled() async throws -> (HistoryFixture, sent: DeliveryRecord, dead: DeliveryRecord) {
        let f = try HistoryFixture()
        try await f.add([TestNotice(id: "a", title: "Feil A", published: t0)], at: t0, subscribers: ["oslo", "bergen"])
        let rows = try await f.store.dueDeliveries(now: t0)
        try await f.store.recordAttempts([
            DeliveryAttempt(deliveryID: rows[0].id, at: t0.addingTimeInterval(5), outcome: .sent(detail: "HTTP 200")),
            DeliveryAttempt(deliveryID: rows[1].id, at: t0.addingTimeInterval(5), outcome: .dead(error: "HTTP 410")),
        ])
        return (f, rows[0], rows[1])
    }

    @Test func sendingADeadDeliveryAgainMakesItDueNowAndRecordsWhoAsked() async throws {
        let (f, _, dead) = try await filled()
        defer { f.remove() }
        let now = t0.addingTimeInterval(3600)
        let again = try await f.actions.sendAgain(delivery: dead.id, by: "kari", now: now)
        #expect(again.status == .pending && again.nextAttemptAt == now && again.attempts == 1 && again.lastError == "HTTP 410")
        // The outbox worker's own query picks it up.
        #expect(try await f.store.dueDeliveries(now: now).map(\.id) == [dead.id])
        let actions = try await f.reader.operatorActions()
        #expect(actions.count == 1)
        let action = try #require(actions.first)
        #expect(
            action.user == "kari" && action.at == now && action.action == .sendAgain && action.target == "delivery:\(dead.id)")
        #expect(action.detail?.contains("dead -> pending") == true && action.detail?.contains("HTTP 410") == true)
        // The notice report shows it with the deliveries.
        let report = try await f.reader.notice("a")
        #expect(report.actions.map(\.id) == [action.id])
        #expect(report.deliveries.first { $0.id == dead.id }?.status == .pending)
    }

    @Test func sendingASentOrPendingDeliveryAgainIsRefusedAndNotRecorded() async throws {
        let (f, sent, dead) = try await filled()
        defer { f.remove() }
        do {
            _ = try await f.actions.sendAgain(delivery: sent.id, by: "kari")
            Issue.record("a sent delivery was sent again")
        } catch {
            guard case .cannotSendAgain(let id, let status) = error else { throw error }
            #expect(id == sent.id && status == .sent)
            #expect(error.description.contains("delivery \(sent.id) is sent"))
        }
        _ = try await f.actions.sendAgain(delivery: dead.id, by: "kari")
        await #expect(throws: StoreError.self) { try await f.actions.sendAgain(delivery: dead.id, by: "ola") }
        await #expect(throws: StoreError.self) { try await f.actions.sendAgain(delivery: 9999, by: "ola") }
        #expect(try await f.reader.operatorActions().map(\.user) == ["kari"])
    }

    @Test func silencesAddedAndExpiredAreRecorded() async throws {
        let f = try HistoryFixture()
        defer { f.remove() }
        let silence = try await f.actions.addSilence(
            api: "inntekt", start: t0, end: t0.addingTimeInterval(7200), reason: "planlagt arbeid", by: "ola",
            now: t0)
        #expect(try await f.reader.silences(activeAt: t0).map(\.id) == [silence.id])
        try await f.actions.expireSilence(id: silence.id, by: "kari", now: t0.addingTimeInterval(60))
        #expect(try await f.reader.silences(activeAt: t0).isEmpty)
        await #expect(throws: StoreError.self) { try await f.actions.expireSilence(id: silence.id, by: "kari") }
        let actions = try await f.reader.operatorActions()
        #expect(actions.map(\.action) == [.expireSilence, .addSilence])
        #expect(actions.map(\.user) == ["kari", "ola"])
        #expect(actions.allSatisfy { $0.target == "silence:\(silence.id)" })
        #expect(actions.last?.detail?.contains("planlagt arbeid") == true)
        #expect(try await f.reader.operatorActions(from: t0.addingTimeInterval(30)).count == 1)
    }
}
