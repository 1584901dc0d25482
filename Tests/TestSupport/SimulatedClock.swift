public import Foundation
import Synchronization

/// A wall clock the test moves by hand, given to the outbox worker (`Alerting(now:)`), so an
/// hour of retries passes in seconds. The worker still sleeps on real time; after moving the
/// clock the test wakes it, as a poll that stored changes would.
public final class SimulatedClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date = Date()) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }

    /// The clock as the worker takes it.
    public var reading: @Sendable () -> Date { { [self] in now } }

    public func set(_ date: Date) { current.withLock { $0 = date } }
}
