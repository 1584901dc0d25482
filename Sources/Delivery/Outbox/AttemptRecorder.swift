import Foundation
import Logging
import NoticeStore

/// Buffers attempt results and writes them in batches: one transaction per hundred results
/// instead of one per result. A crash loses at most a buffer of results, whose rows are then
/// sent again: at-least-once, never lost.
struct AttemptRecorder {
    let store: NoticeStore
    let logger: Logger
    private var buffer: [DeliveryAttempt] = []
    private var oldest: ContinuousClock.Instant?

    init(store: NoticeStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    var shouldFlush: Bool {
        guard let oldest else { return false }
        return buffer.count >= 100 || oldest.duration(to: .now) > .milliseconds(50)
    }

    mutating func add(_ attempt: DeliveryAttempt) {
        if buffer.isEmpty { oldest = .now }
        buffer.append(attempt)
    }

    mutating func flush() async {
        guard !buffer.isEmpty else { return }
        let attempts = buffer
        buffer.removeAll(keepingCapacity: true)
        oldest = nil
        do {
            try await store.recordAttempts(attempts)
        } catch {
            // The rows stay pending in the store and will be sent again: a duplicate, not a loss.
            logger.error("outbox: cannot record \(attempts.count) delivery attempts: \(error)")
        }
    }
}
