import Delivery
import Foundation
import Logging
import NoticeStore
import Synchronization
import Testing
import VarselModel

/// Stands in for the transports (which have their own tests against real servers): answers
/// each delivery from a script and records how many sends ran at once per receiver.
final class ScriptedSender: AlertSender {
    struct State {
        var scripts: [SubscriberID: [AttemptResult]] = [:]
        var calls: [Int64: Int] = [:]
        var inFlight: [String: Int] = [:]
        var maxInFlight: [String: Int] = [:]
    }

    let state = Mutex(State())
    let receivers: Int

    init(receivers: Int = 1, scripts: [SubscriberID: [AttemptResult]] = [:]) {
        self.receivers = receivers
        state.withLock { $0.scripts = scripts }
    }

    func receiver(of delivery: DeliveryRecord) -> String { "host\(abs(delivery.planned.subscriberID.rawValue.hashValue) % receivers)" }

    func send(_ context: AlertContext, now: Date) async -> AttemptResult {
        let receiver = receiver(of: context.delivery)
        let result = state.withLock { state -> AttemptResult in
            state.inFlight[receiver, default: 0] += 1
            state.maxInFlight[receiver] = max(state.maxInFlight[receiver] ?? 0, state.inFlight[receiver]!)
            let call = state.calls[context.delivery.id, default: 0]
            state.calls[context.delivery.id] = call + 1
            let script = state.scripts[context.delivery.planned.subscriberID] ?? []
            return call < script.count ? script[call] : .delivered(detail: "HTTP 200")
        }
        try? await Task.sleep(for: .milliseconds(2))
        state.withLock { $0.inFlight[receiver]! -= 1 }
        return result
    }
}

/// Ingests one new notice routed to `count` subscribers ("s000"...) and returns the open store.
func storeWithFanOut(_ temp: TempDirectory, count: Int, at: Date = Date()) async throws -> NoticeStore {
    let store = try NoticeStore(path: temp.path("state.sqlite"))
    let entry = FeedEntry(id: "n1", title: "Driftsproblemer Inntekt API", published: at, contentText: "Tekst")
    let update = NoticeUpdate(
        noticeID: NoticeID("n1"), change: .new, reason: .new, entry: entry,
        fingerprint: Fingerprint(text: "t", body: "b", version: "v"), recordsVersion: true, status: .active, missingPolls: 0)
    let poll = ModifiedPoll(
        feed: FeedID("api"), url: "file:///feed.xml", title: nil, etag: nil, lastModified: nil, updates: [update],
        classifications: [NoticeID("n1"): Classification(kind: .incident, apis: ["inntekt"], scope: .apis)],
        poll: PollRecord(feedID: FeedID("api"), startedAt: at, duration: 0, outcome: .modified, httpStatus: 200, entries: 1),
        nextPollAt: nil)
    _ = try await store.recordModified(poll) { change in
        let deliveries = (0..<count).map { i in
            let id = String(format: "s%03d", i)
            return PlannedDelivery(
                changeID: change.id, noticeID: change.noticeID, subscriberID: SubscriberID(id), subscriberName: id,
                subscriberKind: .municipality, channel: .webhook, recipients: ["http://127.0.0.1/\(id)"], reason: "all",
                idempotencyKey: "key-\(id)")
        }
        return RoutingOutcome(deliveries: deliveries, note: "")
    }
    return store
}

/// Runs the worker until `done` holds for the store (or 20 s pass), then stops it.
func runWorker(
    _ worker: OutboxWorker, store: NoticeStore, until done: @escaping @Sendable ([DeliveryRecord]) -> Bool
) async throws -> [DeliveryRecord] {
    let task = Task { await worker.run() }
    let deadline = ContinuousClock.now + .seconds(20)
    var rows = try await store.deliveries()
    while !done(rows) && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(20))
        rows = try await store.deliveries()
    }
    task.cancel()
    await task.value
    return try await store.deliveries()
}

let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
let fastRetries = RetryPolicy(initial: .milliseconds(20), maximum: .milliseconds(40), maxAge: .seconds(3600))

@Suite struct OutboxWorkerTests {
    @Test func everyDueRowIsSentAndMarkedSent() async throws {
        let temp = try TempDirectory()
        defer { temp.remove() }
        let store = try await storeWithFanOut(temp, count: 50)
        let sender = ScriptedSender()
        let worker = OutboxWorker(store: store, sender: sender, policy: fastRetries, logger: quietLogger)
        let rows = try await runWorker(worker, store: store) { $0.allSatisfy { $0.status == .sent } }
        #expect(rows.count == 50 && rows.allSatisfy { $0.status == .sent && $0.attempts == 1 && $0.sentAt != nil })
        #expect(sender.state.withLock { $0.calls.values.allSatisfy { $0 == 1 } })
    }

    @Test func transientFailureIsRetriedUntilItSucceeds() async throws {
        let temp = try TempDirectory()
        defer { temp.remove() }
        let store = try await storeWithFanOut(temp, count: 2)
        let sender = ScriptedSender(scripts: [
            SubscriberID("s000"): [.retry(error: "HTTP 500 from host", retryAfter: nil), .retry(error: "timeout", retryAfter: nil)]
        ])
        let worker = OutboxWorker(store: store, sender: sender, policy: fastRetries, logger: quietLogger)
        let rows = try await runWorker(worker, store: store) { $0.allSatisfy { $0.status == .sent } }
        let retried = try #require(rows.first { $0.planned.subscriberID.rawValue == "s000" })
        #expect(retried.status == .sent && retried.attempts == 3 && retried.lastError == "timeout")
    }

    @Test func permanentRefusalIsDeadAtOnce() async throws {
        let temp = try TempDirectory()
        defer { temp.remove() }
        let store = try await storeWithFanOut(temp, count: 3)
        let sender = ScriptedSender(scripts: [SubscriberID("s001"): [.permanent(error: "HTTP 410 from host")]])
        let worker = OutboxWorker(store: store, sender: sender, policy: fastRetries, logger: quietLogger)
        let rows = try await runWorker(worker, store: store) { $0.allSatisfy { $0.status == .sent || $0.status == .dead } }
        let dead = try #require(rows.first { $0.planned.subscriberID.rawValue == "s001" })
        #expect(dead.status == .dead && dead.attempts == 1 && dead.lastError == "HTTP 410 from host")
        #expect(rows.filter { $0.status == .sent }.count == 2)
    }

    @Test func rowStillFailingAfterTheMaximumAgeIsDead() async throws {
        let temp = try TempDirectory()
        defer { temp.remove() }
        let store = try await storeWithFanOut(temp, count: 1, at: Date().addingTimeInterval(-2 * 86_400))
        let sender = ScriptedSender(scripts: [SubscriberID("s000"): [.retry(error: "HTTP 503", retryAfter: nil)]])
        let policy = RetryPolicy(initial: .seconds(1), maximum: .seconds(60), maxAge: .seconds(86_400))
        let worker = OutboxWorker(store: store, sender: sender, policy: policy, logger: quietLogger)
        let rows = try await runWorker(worker, store: store) { $0.allSatisfy { $0.status == .dead } }
        #expect(rows.first?.status == .dead)
        #expect(rows.first?.lastError?.hasPrefix("gave up after 1 attempts") == true)
    }

    @Test func concurrencyPerReceiverStaysWithinItsLimit() async throws {
        let temp = try TempDirectory()
        defer { temp.remove() }
        let store = try await storeWithFanOut(temp, count: 120)
        let sender = ScriptedSender(receivers: 3)
        let limits = OutboxWorker.Limits(concurrency: 64, perReceiver: 4)
        let worker = OutboxWorker(store: store, sender: sender, policy: fastRetries, limits: limits, logger: quietLogger)
        let rows = try await runWorker(worker, store: store) { $0.allSatisfy { $0.status == .sent } }
        #expect(rows.allSatisfy { $0.status == .sent })
        let peaks = sender.state.withLock { $0.maxInFlight }
        #expect(peaks.count == 3 && peaks.values.allSatisfy { $0 <= 4 })
        #expect(peaks.values.contains { $0 > 1 }, "sends to one receiver ran one at a time: \(peaks)")
    }

    @Test func retryDelayDoublesWithJitterAndHonoursRetryAfter() {
        let policy = RetryPolicy(initial: .seconds(30), maximum: .seconds(600), maxAge: .seconds(86_400))
        #expect(policy.delay(afterFailures: 1, retryAfter: nil, random: 0) == .seconds(15))
        #expect(policy.delay(afterFailures: 1, retryAfter: nil, random: 0.999_999) <= .seconds(30))
        #expect(policy.delay(afterFailures: 3, retryAfter: nil, random: 1) == .seconds(120))
        #expect(policy.delay(afterFailures: 12, retryAfter: nil, random: 1) == .seconds(600))
        #expect(policy.delay(afterFailures: 2, retryAfter: .seconds(7), random: 0.5) == .seconds(7))
        #expect(policy.delay(afterFailures: 2, retryAfter: .seconds(999_999), random: 0.5) == .seconds(86_400))
    }
}
