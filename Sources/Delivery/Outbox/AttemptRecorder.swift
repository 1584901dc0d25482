import Foundation
import Logging
import NoticeStore

/// Buffers attempt results and writes them in batches: one transaction per hundred results
/// instead of one per result. A crash loses at most a buffer of results, whose rows are then
/// sent again: at-least-once, never lost.
///
/// A write that fails (the disk is full, the file is locked past the busy timeout) keeps its
/// results in the buffer and is tried again at the next flush. Until then `heldIDs` names their
/// rows, which the worker must not read back as due: they are still pending or failed in the
/// store, and sending them again would repeat an alert every second for as long as the store
/// cannot be written. A restart in that state sends them once more (same idempotency key).
struct AttemptRecorder {
    let store: NoticeStore
    let logger: Logger
    private var buffer: [DeliveryAttempt] = []
    private var oldest: ContinuousClock.Instant?
    /// The background write in progress, if any; it returns the results it could not write.
    private var writing: Task<[DeliveryAttempt], Never>?
    /// Results whose write failed, with the rows they belong to.
    private var held: [DeliveryAttempt] = []
    private(set) var heldIDs: Set<Int64> = []

    init(store: NoticeStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    var shouldFlush: Bool {
        guard let oldest else { return false }
        return buffer.count >= 100 || oldest.duration(to: .now) > .milliseconds(50)
    }

    /// Some results could not be written yet (the store refused the last write).
    var isHolding: Bool { !held.isEmpty }

    /// Rows whose results are buffered, held after a failed write, or being written now: none
    /// of them may be queued again until the store has their result.
    var unrecordedIDs: Set<Int64> { heldIDs.union(buffer.map(\.deliveryID)).union(writingIDs) }
    private var writingIDs: Set<Int64> = []

    mutating func add(_ attempt: DeliveryAttempt) {
        if buffer.isEmpty { oldest = .now }
        buffer.append(attempt)
    }

    /// Writes the buffer and the held results and waits for it (and for any write still running
    /// from `flushInBackground`).
    mutating func flush() async {
        await drain()
        let attempts = takeBuffer()
        guard !attempts.isEmpty else { return }
        hold(await Self.write(attempts, store: store, logger: logger))
    }

    /// Starts writing the buffer without waiting, so the worker keeps starting sends while
    /// SQLite commits; at most one write runs at a time.
    mutating func flushInBackground() async {
        await drain()
        let attempts = takeBuffer()
        guard !attempts.isEmpty else { return }
        let (store, logger) = (self.store, self.logger)
        writingIDs = Set(attempts.map(\.deliveryID))
        writing = Task { await Self.write(attempts, store: store, logger: logger) }
    }

    private mutating func drain() async {
        if let writing {
            let failed = await writing.value
            self.writing = nil
            writingIDs = []
            hold(failed)
        }
    }

    private mutating func hold(_ failed: [DeliveryAttempt]) {
        held = failed
        heldIDs = Set(failed.map(\.deliveryID))
    }

    /// The held results first (they are older), then the new ones.
    private mutating func takeBuffer() -> [DeliveryAttempt] {
        defer {
            buffer.removeAll(keepingCapacity: true)
            oldest = nil
            held = []
            heldIDs = []
        }
        return held + buffer
    }

    /// Writes `attempts` in one transaction; returns them all if it failed, none if it worked.
    private static func write(_ attempts: [DeliveryAttempt], store: NoticeStore, logger: Logger) async -> [DeliveryAttempt] {
        do {
            try await store.recordAttempts(attempts)
            return []
        } catch {
            logger.error(
                "outbox: cannot record \(attempts.count) delivery attempts, holding them in memory and trying again: \(error)")
            return attempts
        }
    }
}
