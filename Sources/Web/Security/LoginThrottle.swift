import Foundation

/// Slows repeated failed logins, per user name and per client address: after `freeFailures`
/// failures the next attempt waits `base`, then twice as long each time, up to `cap`. A
/// success clears the user's count; counts are forgotten `forgetAfter` the last failure.
///
/// The wait happens before the password is checked, so guessing costs the attacker time
/// while a person who mistyped twice notices nothing. Behind a proxy every client has the
/// proxy's address; the per-user count still holds then.
public actor LoginThrottle {
    public struct Policy: Sendable, Hashable {
        public var freeFailures: Int
        public var base: Duration
        public var cap: Duration
        public var forgetAfter: Duration

        public init(
            freeFailures: Int = 2, base: Duration = .seconds(1), cap: Duration = .seconds(30),
            forgetAfter: Duration = .seconds(15 * 60)
        ) {
            self.freeFailures = freeFailures
            self.base = base
            self.cap = cap
            self.forgetAfter = forgetAfter
        }

        /// The wait after `failures` failures in a row.
        public func delay(after failures: Int) -> Duration {
            let over = failures - freeFailures
            guard over > 0 else { return .zero }
            var delay = base
            for _ in 1..<over {
                delay = delay * 2
                if delay >= cap { return cap }
            }
            return min(delay, cap)
        }
    }

    private struct Record {
        var failures: Int
        var lastFailure: Date
    }

    private var records: [String: Record] = [:]
    let policy: Policy
    let now: @Sendable () -> Date

    init(policy: Policy, now: @escaping @Sendable () -> Date) {
        self.policy = policy
        self.now = now
    }

    /// How long an attempt for `user` from `client` must wait now.
    func delay(user: String, client: String) -> Duration {
        let failures = max(count("user:" + user), count("client:" + client))
        return policy.delay(after: failures)
    }

    func failed(user: String, client: String) {
        let current = now()
        forgetOld(current)
        for key in ["user:" + user, "client:" + client] {
            let failures = (records[key]?.failures ?? 0) + 1
            records[key] = Record(failures: failures, lastFailure: current)
        }
    }

    func succeeded(user: String) {
        records["user:" + user] = nil
    }

    private func count(_ key: String) -> Int {
        guard let record = records[key] else { return 0 }
        return now().timeIntervalSince(record.lastFailure) > seconds(policy.forgetAfter) ? 0 : record.failures
    }

    /// Drops stale records, so a scan with random names cannot grow the table forever.
    private func forgetOld(_ current: Date) {
        let limit = seconds(policy.forgetAfter)
        records = records.filter { current.timeIntervalSince($0.value.lastFailure) <= limit }
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
