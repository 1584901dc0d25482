import Curl
import Delivery
import Foundation
import History
import NoticeStore
import TestSupport
import Testing
import VarselApp
import VarselModel

/// A webhook receiver that answers 500 to everything, forever, beside one that works. The
/// outbox runs on a simulated clock with `[delivery] max_age = "1h"` (back-off 1 min doubling
/// to 10 min), so the hour passes in seconds; every attempt is a real POST to 127.0.0.1.
@Suite struct DeadWebhookTests {
    @Test func receiverAnswering500ForeverIsDeadAtMaxAgeWithItsErrorWhileTheOtherIsDeliveredAtOnce() async throws {
        let receiver = try LocalHTTPServer()
        let client = CurlClient()
        defer {
            client.shutdown()
            receiver.stop()
        }
        let sandbox = try Sandbox(
            subscribers: webhookSubscriber("broken", name: "Feilende AS", orgNumber: "912345688",
                url: receiver.url("/hook?id=broken&seq=500&text=internal+error"))
                + webhookSubscriber("working", name: "Virker AS", orgNumber: "974760673", url: receiver.url("/hook?id=working")),
            deliveryKeys: #"retry_initial = "1m""# + "\n" + #"retry_max = "10m""# + "\n" + #"max_age = "1h""#)
        defer { sandbox.remove() }
        try await sandbox.queueAlerts()
        let store = sandbox.runtime.store

        let clock = SimulatedClock()
        let worker = try sandbox.worker(clock: clock, client: client)
        let running = Task { await worker.run() }
        defer { running.cancel() }
        func row(_ id: String, _ rows: [DeliveryRecord]) -> DeliveryRecord? { rows.first { $0.planned.subscriberID.rawValue == id } }

        // First round: the working receiver is not held up by the broken one.
        var rows = try await waitForRows({ try await store.deliveries() }) { rows in
            row("working", rows)?.status == .sent && row("broken", rows)?.attempts == 1
        }
        #expect(row("working", rows)?.status == .sent && row("working", rows)?.attempts == 1)
        let created = try #require(row("broken", rows)?.createdAt)
        let maxAge: TimeInterval = 3600

        var attempts = 1
        while let broken = row("broken", rows), broken.status == .failed {
            #expect(broken.lastError?.contains("HTTP 500") == true, "\(broken.lastError ?? "")")
            let next = try #require(broken.nextAttemptAt)
            // A failed row's next attempt is always within max_age (else it would be dead).
            #expect(next.timeIntervalSince(created) <= maxAge)
            clock.set(next)
            worker.wake()
            attempts += 1
            let expected = attempts
            rows = try await waitForRows({ try await store.deliveries() }) { rows in row("broken", rows)?.attempts == expected }
            #expect(row("broken", rows)?.attempts == attempts, "the receiver was not tried again")
        }
        let dead = try #require(row("broken", rows))
        #expect(dead.status == .dead)
        // Dead at the configured age: its last attempt was before max_age, and the next one
        // (at least half of the 10 min cap later) would have been past it.
        let diedAt = try #require(dead.lastAttemptAt).timeIntervalSince(created)
        #expect(diedAt <= maxAge && diedAt > maxAge - 600, "dead \(diedAt) s after it was queued")
        #expect(dead.lastError?.hasPrefix("gave up after \(attempts) attempts in ") == true, "\(dead.lastError ?? "")")
        #expect(dead.lastError?.contains("HTTP 500") == true)
        // Every attempt was a real request; the working receiver got exactly one.
        #expect(try await receiver.hookLog(id: "broken", client: client).count == attempts)
        #expect(try await receiver.hookLog(id: "working", client: client).count == 1)

        // History (what `varselvakt deliveries --status dead` and the web page list) shows it with its error.
        let history = HistoryReader(store: store, config: sandbox.config)
        let listed = try await history.deliveries(DeliveryQuery(status: .dead)).items
        #expect(listed.map(\.id) == [dead.id] && listed.first?.lastError == dead.lastError)
        // /metrics' `varselvakt_outbox_deliveries{status="dead"}` is this count.
        let depth = try await store.outboxDepth()
        #expect(depth[.dead] == 1 && (depth[.pending] ?? 0) == 0 && (depth[.failed] ?? 0) == 0)
        running.cancel()
        await running.value
    }
}
