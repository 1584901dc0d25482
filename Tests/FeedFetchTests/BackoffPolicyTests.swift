import FeedFetch
import Testing

/// Always returns the same word. `1` makes `random(in: 0...n)` return 0 and `.max` makes it
/// return `n`, so the jitter's extremes can be asserted exactly.
struct FixedGenerator: RandomNumberGenerator {
    var word: UInt64
    mutating func next() -> UInt64 { word }
}

/// SplitMix64: a tiny seeded generator, so sampled tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("BackoffPolicy")
struct BackoffPolicyTests {
    let minimum = FixedGenerator(word: 1)
    let maximum = FixedGenerator(word: .max)
    let interval = Duration.seconds(60)

    @Test func healthyFeedWaitsTheNormalInterval() {
        var generator = maximum
        #expect(BackoffPolicy().delay(interval: interval, consecutiveFailures: 0, using: &generator) == interval)
    }

    @Test func delayDoublesWithEachConsecutiveFailureUpToTheCap() {
        let policy = BackoffPolicy(jitter: .none)
        var generator = maximum
        let delays = (1...8).map { policy.delay(interval: interval, consecutiveFailures: $0, using: &generator) }
        #expect(delays == [60, 120, 240, 480, 960, 1920, 3600, 3600].map { Duration.seconds($0) })
    }

    @Test(arguments: [20, 64, 1_000_000, Int.max])
    func hugeFailureCountsStayAtTheCap(failures: Int) {
        var generator = maximum
        let delay = BackoffPolicy(jitter: .none).delay(interval: interval, consecutiveFailures: failures, using: &generator)
        #expect(delay == .seconds(3600))
    }

    @Test func capIsConfigurableButNeverBelowTheInterval() {
        var generator = maximum
        let shortCap = BackoffPolicy(maxDelay: .seconds(300), jitter: .none)
        #expect(shortCap.delay(interval: interval, consecutiveFailures: 10, using: &generator) == .seconds(300))
        let slowFeed = Duration.seconds(7200)
        #expect(BackoffPolicy(jitter: .none).delay(interval: slowFeed, consecutiveFailures: 5, using: &generator) == slowFeed)
    }

    @Test func equalJitterStaysBetweenHalfAndAllOfTheBackoff() {
        let policy = BackoffPolicy(jitter: .equal)
        var low = minimum
        var high = maximum
        #expect(policy.delay(interval: interval, consecutiveFailures: 3, using: &low) == .seconds(120))
        #expect(policy.delay(interval: interval, consecutiveFailures: 3, using: &high) == .seconds(240))
    }

    @Test func fullJitterNeverPollsSoonerThanTheNormalInterval() {
        let policy = BackoffPolicy(jitter: .full)
        var low = minimum
        var high = maximum
        #expect(policy.delay(interval: interval, consecutiveFailures: 4, using: &low) == interval)
        #expect(policy.delay(interval: interval, consecutiveFailures: 4, using: &high) == .seconds(480))
    }

    @Test(arguments: [BackoffPolicy.Jitter.full, .equal])
    func sampledDelaysStayInBoundsAndAreReproducible(jitter: BackoffPolicy.Jitter) {
        let policy = BackoffPolicy(jitter: jitter)
        var first = SeededGenerator(state: 42)
        var second = SeededGenerator(state: 42)
        var distinct = Set<Duration>()
        for failures in 1...12 {
            for _ in 0..<50 {
                let delay = policy.delay(interval: interval, consecutiveFailures: failures, using: &first)
                #expect(delay == policy.delay(interval: interval, consecutiveFailures: failures, using: &second))
                let backoff = min(Duration.seconds(60 * (1 << min(failures - 1, 20))), .seconds(3600))
                #expect(delay >= interval && delay <= backoff)
                distinct.insert(delay)
            }
        }
        #expect(distinct.count > 100)  // it really jitters
    }

    @Test func retryAfterLongerThanTheBackoffWins() {
        var generator = maximum
        let delay = BackoffPolicy().delay(
            interval: interval, consecutiveFailures: 1, retryAfter: .seconds(900), using: &generator)
        #expect(delay == .seconds(900))
    }

    @Test func retryAfterShorterThanTheBackoffDoesNotShortenIt() {
        var generator = maximum
        let delay = BackoffPolicy(jitter: .none).delay(
            interval: interval, consecutiveFailures: 5, retryAfter: .seconds(5),
            using: &generator)
        #expect(delay == .seconds(960))
    }

    @Test func hostileRetryAfterIsCappedSoTheFeedIsNotParkedForever() {
        var generator = maximum
        let policy = BackoffPolicy()
        #expect(
            policy.delay(interval: interval, consecutiveFailures: 1, retryAfter: .seconds(999_999_999), using: &generator)
                == .seconds(6 * 3600))
        let custom = BackoffPolicy(maxRetryAfter: .seconds(600))
        #expect(
            custom.delay(interval: interval, consecutiveFailures: 1, retryAfter: .seconds(86_400), using: &generator)
                == .seconds(600))
    }

    @Test func systemRandomVariantStaysInBounds() {
        let delay = BackoffPolicy().delay(interval: interval, consecutiveFailures: 3)
        #expect(delay >= .seconds(120) && delay <= .seconds(240))
    }
}
