import Foundation
import NoticeStore
import VarselModel

/// Counts one burst of sends (from the first start until nothing is in flight) for one log line:
/// "outbox: 1000 sent, 0 failed, 0 dead in 0.31s".
struct FanOutLog {
    private var start: ContinuousClock.Instant?
    private var sent = 0
    private var failed = 0
    private var dead = 0

    mutating func started() {
        if start == nil { start = .now }
    }

    mutating func record(_ outcome: DeliveryAttempt.Outcome) {
        switch outcome {
        case .sent: sent += 1
        case .failed: failed += 1
        case .dead: dead += 1
        }
    }

    /// The summary of the burst that just ended, or nil if nothing was sent.
    mutating func finish() -> String? {
        guard let start else { return nil }
        let elapsed = start.duration(to: .now)
        defer { self = FanOutLog() }
        return "outbox: \(sent) sent, \(failed) failed, \(dead) dead in \(String(format: "%.3f", elapsed.seconds))s"
    }
}
