import Curl
import Delivery
import Foundation
import NoticeStore
import TestSupport
import Testing
import VarselApp
import VarselModel

/// The SMTP relay is down for an hour, then back. The outbox runs on a simulated clock (each
/// round moves it to the rows' next attempt time), with the default back-off: 30 s doubling to a
/// 30 min cap, 24 h maximum age. Every attempt is a real connection to 127.0.0.1 that is refused.
@Suite struct SMTPRelayOutageTests {
    static let recipients = ["drift@oslo.example", "it@bergen.example", "vakt@tromso.example"]

    static func subscribers() -> String {
        recipients.enumerated().map { index, address in
            """
            [[subscriber]]
            id = "k\(index)"
            kind = "municipality"
            name = "Kommune \(index)"
            org_number = "974760673"
            municipality_number = "\(3001 + index)"
            emails = ["\(address)"]
            apis = ["folkeregisteret"]

            """
        }.joined()
    }

    @Test func mailsBackOffThroughAnHourLongOutageAndAreEachSentOnceWhenTheRelayReturns() async throws {
        let port = try unusedLoopbackPort()
        let sandbox = try Sandbox(
            subscribers: Self.subscribers(),
            extraConfig: """
                [email]
                url = "smtp://127.0.0.1:\(port)"
                security = "none"
                from = "varselvakt@ks.example"
                """,
            deliveryKeys: #"retry_initial = "30s""# + "\n" + #"retry_max = "30m""# + "\n" + #"max_age = "24h""#)
        defer { sandbox.remove() }
        try await sandbox.queueAlerts()
        let store = sandbox.runtime.store
        let created = try await store.deliveries()
        #expect(created.count == 3 && created.allSatisfy { $0.status == .pending && $0.planned.channel == .email })

        let start = Date()
        let clock = SimulatedClock(start)
        let client = CurlClient()
        defer { client.shutdown() }
        let worker = try sandbox.worker(clock: clock, client: client)
        let running = Task { await worker.run() }
        defer { running.cancel() }

        let policy = RetryPolicy(initial: .seconds(30), maximum: .seconds(1800), maxAge: .seconds(86_400))
        let outageEnds = start.addingTimeInterval(3600)
        var attempts = 0
        var rows = created
        var schedule: [TimeInterval] = []
        while true {
            attempts += 1
            let expected = attempts
            rows = try await waitForRows({ try await store.deliveries() }) { rows in rows.allSatisfy { $0.attempts == expected } }
            let tried = clock.now
            for row in rows {
                #expect(row.attempts == attempts, "row \(row.id) after round \(attempts)")
                // Still waiting, never dead before max_age: the outage is far shorter than 24 h.
                #expect(row.status == .failed, "row \(row.id) is \(row.status) after \(attempts) attempts")
                #expect(row.lastError?.contains("127.0.0.1:\(port)") == true, "\(row.lastError ?? "no error")")
                #expect(row.lastAttemptAt.map { abs($0.timeIntervalSince(tried)) < 0.002 } == true)
                // The policy's delay after `attempts` failures: half fixed, half jitter.
                let base = min(30 * pow(2, Double(attempts - 1)), 1800)
                let delay = try #require(row.nextAttemptAt).timeIntervalSince(tried)
                #expect(delay >= base / 2 - 0.002 && delay <= base + 0.002, "attempt \(attempts): delay \(delay) s, base \(base) s")
                #expect(
                    policy.delay(afterFailures: attempts, retryAfter: nil, random: 0).seconds <= delay + 0.002)
            }
            let next = try #require(rows.compactMap(\.nextAttemptAt).max())
            schedule.append(next.timeIntervalSince(start))
            if next >= outageEnds { break }
            clock.set(next)
            worker.wake()
        }
        // An hour of back-off is a handful of attempts, not a busy loop: 30 s, 1, 2, 4, 8, 16
        // and 30 min apart at most (with jitter, at least half of each).
        #expect((6...10).contains(attempts), "attempts in the hour: \(attempts), schedule \(schedule)")

        // The relay comes back where it was; the clock reaches the next attempt.
        let relay = try LocalSMTPServer(port: port)
        defer { relay.stop() }
        clock.set(try #require(rows.compactMap(\.nextAttemptAt).max()))
        worker.wake()
        rows = try await waitForRows({ try await store.deliveries() }) { rows in rows.allSatisfy { $0.status == .sent } }
        #expect(rows.allSatisfy { $0.status == .sent && $0.attempts == attempts + 1 })
        let mails = try await relay.messages(atLeast: 3)
        running.cancel()
        await running.value
        #expect(mails.count == 3, "\(mails.count) mails arrived for 3 rows")
        let keys = mails.compactMap { MailReader($0.data).header("X-Varselvakt-Idempotency-Key") }
        #expect(keys.count == 3 && Set(keys) == Set(rows.map(\.planned.idempotencyKey)))
        #expect(Set(mails.flatMap(\.recipients)) == Set(Self.recipients))
    }
}
