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
    /// The background write in progress, if any.
    private var writing: Task<Void, Never>?

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

    /// Writes the buffer and waits for it (and for any write still running from `flushInBackground`).
    mutating func flush() async {
        await drain()
        guard !buffer.isEmpty else { return }
        await Self.write(takeBuffer(), store: store, logger: logger)
    }

    /// Starts writing the buffer without waiting, so the worker keeps starting sends while
    /// SQLite commits; at most one write runs at a time.
    mutating func flushInBackground() async {
        await drain()
        guard !buffer.isEmpty else { return }
        let attempts = takeBuffer()
        let (store, logger) = (self.store, self.logger)
        writing = Task { await Self.write(attempts, store: store, logger: logger) }
    }

    private mutating func drain() async {
        if let writing {
            await writing.value
            self.writing = nil
        }
    }

    private mutating func takeBuffer() -> [DeliveryAttempt] {
        defer {
            buffer.removeAll(keepingCapacity: true)
            oldest = nil
        }
        return buffer
    }

    private static func write(_ attempts: [DeliveryAttempt], store: NoticeStore, logger: Logger) async {
        do {
            try await store.recordAttempts(attempts)
        } catch {
            // The rows stay pending in the store and will be sent again: a duplicate, not a loss.
            logger.error("outbox: cannot record \(attempts.count) delivery attempts: \(error)")
        }
    }
}
