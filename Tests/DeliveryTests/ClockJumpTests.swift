import Delivery
import Foundation
import NoticeStore
import Synchronization
import TestSupport
import Testing
import VarselModel

/// The wall clock jumps while alerts wait: set back an hour (twice), then forward two hours,
/// then to just before and just past the maximum age. The worker runs on a simulated clock;
/// the transport is scripted to fail (a retryable 503) so every row keeps waiting.
@Suite struct ClockJumpTests {
    /// Runs the worker on `clock` and returns a function that waits for every row to reach `attempts`.
    struct Rig {
        let store: NoticeStore
        let sender: ScriptedSender
        let worker: OutboxWorker

        func tried(_ attempts: Int) async throws -> [DeliveryRecord] {
            let deadline = ContinuousClock.now + .seconds(60)
            var rows = try await store.deliveries()
            while !rows.allSatisfy({ $0.attempts == attempts || $0.status == .dead }) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
                rows = try await store.deliveries()
            }
            return rows
        }

        /// Each row was sent exactly as often as the store says it was tried: no burst.
        var sendsMatchAttempts: Bool {
            get async throws {
                let rows = try await store.deliveries()
                let calls = sender.state.withLock { $0.calls }
                return rows.allSatisfy { calls[$0.id] == $0.attempts }
            }
        }
    }

    @Test func backwardJumpsDoNotHoldAlertsAndForwardJumpsRetryEachRowOnceWithoutExpiringIt() async throws {
        let temp = try TempDirectory()
        defer { temp.remove() }
        let written = Date()
        let store = try await storeWithFanOut(temp, count: 3, at: written)
        let failing = Array(repeating: AttemptResult.retry(error: "HTTP 503 from host", retryAfter: nil), count: 20)
        let sender = ScriptedSender(scripts: Dictionary(uniqueKeysWithValues: (0..<3).map { (SubscriberID(String(format: "s%03d", $0)), failing) }))
        // The clock was set back an hour after the alerts were queued.
        let clock = SimulatedClock(written.addingTimeInterval(-3600))
        let policy = RetryPolicy(initial: .seconds(30), maximum: .seconds(1800), maxAge: .seconds(86_400))
        let worker = OutboxWorker(store: store, sender: sender, policy: policy, logger: quietLogger, now: clock.reading)
        let rig = Rig(store: store, sender: sender, worker: worker)
        let running = Task { await worker.run() }
        defer { running.cancel() }

        // 1. Queued "in the future" of the set-back clock: sent now, not in an hour.
        var rows = try await rig.tried(1)
        #expect(rows.allSatisfy { $0.status == .failed && $0.attempts == 1 }, "\(rows.map(\.attempts))")
        for row in rows { #expect(try #require(row.nextAttemptAt).timeIntervalSince(clock.now) <= 30.001) }

        // 2. Back another hour while waiting for a retry 15-30 s away: retried now, not in an hour.
        clock.set(clock.now.addingTimeInterval(-3600))
        worker.wake()
        rows = try await rig.tried(2)
        #expect(rows.allSatisfy { $0.status == .failed && $0.attempts == 2 }, "\(rows.map(\.attempts))")
        // The next retry is computed from the corrected clock: 30-60 s after this attempt.
        for row in rows {
            let delay = try #require(row.nextAttemptAt).timeIntervalSince(clock.now)
            #expect(delay >= 29.999 && delay <= 60.001, "delay \(delay)")
        }

        // 3. Forward two hours: every waiting row is due, each is tried once, none expires.
        clock.set(clock.now.addingTimeInterval(7200))
        worker.wake()
        rows = try await rig.tried(3)
        #expect(rows.allSatisfy { $0.status == .failed && $0.attempts == 3 })
        #expect(try await rig.sendsMatchAttempts)
        for row in rows {
            let delay = try #require(row.nextAttemptAt).timeIntervalSince(clock.now)
            #expect(delay >= 59.999 && delay <= 120.001, "delay \(delay)")
        }

        // 4. Forward to 23.5 h after queueing: an old row, but under max_age: one retry, not dead.
        clock.set(written.addingTimeInterval(23.5 * 3600))
        worker.wake()
        rows = try await rig.tried(4)
        #expect(rows.allSatisfy { $0.status == .failed && $0.attempts == 4 })

        // 5. To 10 s before max_age: the next retry would pass it, so now (and only now) dead.
        clock.set(written.addingTimeInterval(86_400 - 10))
        worker.wake()
        rows = try await rig.tried(5)
        #expect(rows.allSatisfy { $0.status == .dead && $0.attempts == 5 }, "\(rows.map(\.status))")
        #expect(rows.allSatisfy { $0.lastError?.hasPrefix("gave up after 5 attempts in 86390s") == true }, "\(rows.map(\.lastError))")
        #expect(try await rig.sendsMatchAttempts)
        running.cancel()
        await running.value
    }
}
