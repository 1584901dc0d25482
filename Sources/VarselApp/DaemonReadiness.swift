import FeedFetch
import Foundation
import NoticeStore
import VarselConfig
import VarselModel

/// What /readyz asks the daemon (the store's write check is the web's own): every loop
/// running, every feed neither failing past its back-off cap nor overdue, and no delivery left
/// untried long after it fell due.
///
/// "Past the cap": the back-off has grown to `[poll] max_backoff` and the feed failed again
/// after that, so it is no longer a passing blip. "Overdue": its next poll was due more than
/// an interval, a timeout and a minute ago, which means the poll loop is stuck. A delivery due
/// more than `outboxGrace` ago and still waiting means the outbox worker is stuck: it wakes when
/// a delivery falls due, and even a fan-out to a thousand subscribers is sent within a minute.
struct DaemonReadiness: Sendable {
    static let outboxGrace: TimeInterval = 300

    let config: VarselvaktConfig
    let store: NoticeStore
    let liveness: LoopLiveness

    func problems(now: Date = Date()) async -> [String] {
        var problems = liveness.notRunning.map { "loop \($0) is not running" }
        let states: [FeedID: FeedState]
        do {
            states = Dictionary(try await store.feeds().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        } catch {
            return problems + ["feed states unreadable: \(error)"]
        }
        if let due = try? await store.nextDeliveryDue(), now.timeIntervalSince(due) > Self.outboxGrace {
            problems.append("outbox: a delivery due since \(due) has not been tried (the outbox seems stuck)")
        }
        let policy = BackoffPolicy(maxDelay: config.poll.maxBackoff, jitter: .none)
        for feed in config.feeds {
            guard let state = states[feed.id] else { continue }
            let cap = Self.failuresToReachCap(policy, interval: feed.interval)
            if state.consecutiveFailures > cap {
                problems.append(
                    "source \(feed.id): failing past its back-off cap (\(state.consecutiveFailures) failures in a row"
                        + (state.lastError.map { "; last error: \($0)" } ?? "") + ")")
            }
            let grace = Double((feed.interval + feed.timeout + .seconds(60)).components.seconds)
            if let next = state.nextPollAt, now.timeIntervalSince(next) > grace {
                problems.append("source \(feed.id): poll overdue since \(next) (the poll loop seems stuck)")
            }
        }
        return problems
    }

    /// The number of failures in a row after which the delay stops growing.
    static func failuresToReachCap(_ policy: BackoffPolicy, interval: Duration) -> Int {
        let ceiling = max(interval, policy.maxDelay)
        for failures in 1...64 where policy.delay(interval: interval, consecutiveFailures: failures) >= ceiling {
            return failures
        }
        return 64
    }
}
