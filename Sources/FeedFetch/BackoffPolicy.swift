/// When to poll a feed again after failures. Pure: the caller passes the feed's state and a random
/// generator (a seeded one in tests), and gets a delay.
///
/// The rules, and why:
/// - No failure: the normal interval.
/// - Failure n: `interval * 2^(n-1)`, capped at ``maxDelay`` (default 1 h) so a feed that comes
///   back is noticed within the hour; the cap is never below the normal interval.
/// - Jitter spreads the retries of many feeds (and many installations) on one host, so they do
///   not arrive in lock-step when the host recovers. ``Jitter/equal`` (default) keeps at least half
///   the backoff; ``Jitter/full`` spreads widest.
/// - Never sooner than the normal interval: a failing server must not get *more* requests than a
///   healthy one, whatever the jitter drew.
/// - Never sooner than the server's `Retry-After` (it knows its own state), but that header is
///   capped at ``maxRetryAfter`` (default 6 h): a hostile or mistaken `Retry-After: 999999999`
///   must not park a feed of operational notices for years.
public struct BackoffPolicy: Sendable, Hashable {
    public enum Jitter: Sendable, Hashable {
        /// Exactly the exponential delay.
        case none
        /// Uniform in `[0, delay]` (then floored at the interval).
        case full
        /// Uniform in `[delay/2, delay]`.
        case equal
    }

    public var maxDelay: Duration
    public var maxRetryAfter: Duration
    public var jitter: Jitter

    public init(maxDelay: Duration = .seconds(3600), maxRetryAfter: Duration = .seconds(6 * 3600), jitter: Jitter = .equal) {
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.jitter = jitter
    }

    /// The delay before the next poll.
    /// - Parameters:
    ///   - interval: the feed's normal polling interval.
    ///   - consecutiveFailures: failures since the last success (0 = healthy).
    ///   - retryAfter: the server's Retry-After from the last failure, if any.
    ///   - generator: the jitter's randomness.
    public func delay(
        interval: Duration, consecutiveFailures: Int, retryAfter: Duration? = nil,
        using generator: inout some RandomNumberGenerator
    ) -> Duration {
        let normal = Self.nanoseconds(interval)
        var result = normal
        if consecutiveFailures > 0 {
            let ceiling = max(normal, Self.nanoseconds(maxDelay))
            var base = min(normal, ceiling)
            var doublings = consecutiveFailures - 1
            while doublings > 0, base < ceiling {  // stops after ~40 rounds whatever the count
                base = base > ceiling / 2 ? ceiling : base * 2
                doublings -= 1
            }
            let jittered: Int64 =
                switch jitter {
                case .none: base
                case .full: Int64(UInt64.random(in: 0...UInt64(base), using: &generator))
                case .equal: base - base / 2 + Int64(UInt64.random(in: 0...UInt64(base / 2), using: &generator))
                }
            result = max(normal, jittered)
        }
        if let retryAfter {
            result = max(result, min(Self.nanoseconds(retryAfter), Self.nanoseconds(maxRetryAfter)))
        }
        return .nanoseconds(result)
    }

    /// Same, with the system's random generator.
    public func delay(interval: Duration, consecutiveFailures: Int, retryAfter: Duration? = nil) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(interval: interval, consecutiveFailures: consecutiveFailures, retryAfter: retryAfter, using: &generator)
    }

    /// Non-negative nanoseconds, saturating (durations beyond ~290 years are "forever" anyway).
    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        guard seconds < Int64.max / 1_000_000_000 - 1 else { return Int64.max / 2 }
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
