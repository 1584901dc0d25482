public import Foundation
public import NoticeStore
public import VarselModel

/// When to try a failed delivery again, and when to give up.
///
/// Exponential backoff with jitter (so 1,000 webhooks failing together do not retry together),
/// starting at `initial`, doubling per attempt, capped at `maximum`. A receiver's Retry-After is
/// honoured as given (clamped to `maxAge`). A row still failing `maxAge` after it was written is
/// dead: the failure stays visible in `varselvakt deliveries --status dead`.
public struct RetryPolicy: Sendable, Hashable {
    public var initial: Duration
    public var maximum: Duration
    public var maxAge: Duration

    public init(initial: Duration = .seconds(30), maximum: Duration = .seconds(1800), maxAge: Duration = .seconds(86_400)) {
        self.initial = initial
        self.maximum = maximum
        self.maxAge = maxAge
    }

    /// The delay before attempt `attempts + 1`, after `attempts` failures. `random` in 0..<1.
    public func delay(afterFailures attempts: Int, retryAfter: Duration?, random: Double) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), maxAge) }
        let exponent = min(max(attempts - 1, 0), 30)
        let base = min(initial.seconds * pow(2, Double(exponent)), maximum.seconds)
        // "Equal jitter": half fixed, half random, so a retry never comes sooner than half the backoff.
        return .milliseconds(Int64((base / 2 + base / 2 * random) * 1000))
    }

    /// What the outbox records for one attempt's result.
    public func outcome(of result: AttemptResult, for delivery: DeliveryRecord, now: Date, random: Double) -> DeliveryAttempt.Outcome {
        switch result {
        case .delivered(let detail):
            return .sent(detail: detail)
        case .permanent(let error):
            return .dead(error: error)
        case .retry(let error, let retryAfter):
            let attempts = delivery.attempts + 1
            let retryAt = now.addingTimeInterval(delay(afterFailures: attempts, retryAfter: retryAfter, random: random).seconds)
            if retryAt.timeIntervalSince(delivery.createdAt) > maxAge.seconds {
                return .dead(error: "gave up after \(attempts) attempts in \(Int(now.timeIntervalSince(delivery.createdAt)))s: \(error)")
            }
            return .failed(error: error, retryAt: retryAt)
        }
    }
}
