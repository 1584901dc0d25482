import FeedFetch
import Foundation
import NoticeStore
import Testing
import VarselConfig
import VarselModel

@testable import VarselApp

/// /readyz's view of the daemon: loops running, sources neither failing past their back-off
/// cap nor overdue.
@Suite struct DaemonReadinessTests {
    struct Setup {
        let directory: URL
        let config: VarselvaktConfig
        let store: NoticeStore
        let liveness = LoopLiveness()

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            config = try ConfigLoader.load(
                text: """
                    [store]
                    path = "state.sqlite"

                    [poll]
                    interval = "1m"
                    max_backoff = "8m"

                    [[feeds]]
                    name = "skatteetaten"
                    url = "https://status.skatteetaten.no"
                    format = "statuspage"
                    """, file: "varselvakt.toml", baseDirectory: directory.path)
            store = try NoticeStore(path: config.store.path)
        }

        var readiness: DaemonReadiness { DaemonReadiness(config: config, store: store, liveness: liveness) }

        func fail(times: Int, at now: Date, nextPollAt: Date) async throws {
            for _ in 0..<times {
                _ = try await store.recordFailure(
                    feed: FeedID("skatteetaten"), url: "https://status.skatteetaten.no",
                    poll: PollRecord(
                        feedID: FeedID("skatteetaten"), startedAt: now, duration: 0.1, outcome: .failed,
                        error: "HTTP 503 from https://status.skatteetaten.no/api/v2/incidents.json"),
                    nextPollAt: nextPollAt)
            }
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    @Test func aSourceIsNotReadyOnlyOnceItFailsAgainAfterItsBackOffReachedTheCap() async throws {
        let setup = try Setup()
        defer { setup.remove() }
        let now = Date()
        let cap = DaemonReadiness.failuresToReachCap(
            BackoffPolicy(maxDelay: .seconds(480), jitter: .none), interval: .seconds(60))
        #expect(cap > 1)
        try await setup.fail(times: cap, at: now, nextPollAt: now.addingTimeInterval(480))
        #expect(await setup.readiness.problems(now: now).isEmpty)
        try await setup.fail(times: 1, at: now, nextPollAt: now.addingTimeInterval(480))
        let problems = await setup.readiness.problems(now: now)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("source skatteetaten: failing past its back-off cap") == true)
        #expect(problems.first?.contains("HTTP 503") == true)
    }

    @Test func aSourceWhosePollIsLongOverdueSaysThePollLoopIsStuck() async throws {
        let setup = try Setup()
        defer { setup.remove() }
        let now = Date()
        try await setup.fail(times: 1, at: now, nextPollAt: now.addingTimeInterval(-30))
        #expect(await setup.readiness.problems(now: now).isEmpty)
        // Interval 1m + timeout + 1m of grace later, the poll should have happened.
        let later = now.addingTimeInterval(60 + 60 + Double(setup.config.feeds[0].timeout.components.seconds) + 5)
        #expect(await setup.readiness.problems(now: later).contains { $0.contains("poll overdue") })
    }

    @Test func aLoopThatHasNotStartedOrHasEndedMakesTheDaemonNotReady() async throws {
        let setup = try Setup()
        defer { setup.remove() }
        setup.liveness.expect("outbox")
        #expect(await setup.readiness.problems() == ["loop outbox is not running"])
        setup.liveness.started("outbox")
        #expect(await setup.readiness.problems().isEmpty)
        setup.liveness.stopped("outbox")
        #expect(await setup.readiness.problems() == ["loop outbox is not running"])
    }

    @Test func aDeliveryLeftUntriedLongAfterItFellDueSaysTheOutboxIsStuck() async throws {
        let setup = try Setup()
        defer { setup.remove() }
        let now = Date()
        #expect(await setup.readiness.problems(now: now).isEmpty)
        // One new notice routed to one subscriber: a delivery due now.
        let update = NoticeUpdate(
            noticeID: NoticeID("n1"), change: .new, reason: .new, entry: FeedEntry(id: "n1", title: "Feil i Inntekt API"),
            fingerprint: Fingerprint(text: "t", body: "b", version: "v"), recordsVersion: true, status: .active, missingPolls: 0)
        let poll = ModifiedPoll(
            feed: FeedID("skatteetaten"), url: "https://status.skatteetaten.no", title: nil, etag: nil, lastModified: nil,
            updates: [update], classifications: [:],
            poll: PollRecord(feedID: FeedID("skatteetaten"), startedAt: now, duration: 0.1, outcome: .modified),
            nextPollAt: now.addingTimeInterval(60))
        _ = try await setup.store.recordModified(poll) { change in
            RoutingOutcome(
                deliveries: [
                    PlannedDelivery(
                        changeID: change.id, noticeID: change.noticeID, subscriberID: SubscriberID("oslo"),
                        subscriberName: "Oslo kommune", subscriberKind: .municipality, channel: .email,
                        recipients: ["drift@oslo.kommune.no"], reason: "all", idempotencyKey: "k-\(change.id)")
                ], note: "1 abonnent")
        }
        let due = try #require(try await setup.store.nextDeliveryDue())
        #expect(await setup.readiness.problems(now: due.addingTimeInterval(60)).isEmpty)
        let stuck = await setup.readiness.problems(now: due.addingTimeInterval(DaemonReadiness.outboxGrace + 1))
        // (By then the source's next poll is overdue as well; that is its own problem line.)
        #expect(stuck.filter { $0.hasPrefix("outbox: a delivery due since") }.count == 1)
    }
}
