public import Foundation
public import Logging
public import NoticeStore
public import VarselModel

/// Sends what the outbox holds: due rows, with bounded concurrency overall and per receiver,
/// recording every attempt. At-least-once: a row is marked sent only after its receiver accepted
/// it, so a crash mid-send leaves it pending and the next start sends it again with the same
/// idempotency key (and the same Message-ID), which receivers use to drop the duplicate.
public final class OutboxWorker: Sendable {
    public struct Limits: Sendable, Hashable {
        /// Sends in flight at once, overall.
        public var concurrency: Int
        /// Sends in flight at once to one receiver (the SMTP relay, one webhook host).
        public var perReceiver: Int
        /// Rows read from the outbox at a time.
        public var batch: Int

        public init(concurrency: Int = 64, perReceiver: Int = 16, batch: Int = 2000) {
            self.concurrency = max(1, concurrency)
            self.perReceiver = max(1, perReceiver)
            self.batch = max(1, batch)
        }
    }

    private let store: NoticeStore
    private let sender: any AlertSender
    private let policy: RetryPolicy
    private let limits: Limits
    private let logger: Logger
    private let wakeSignal = WakeSignal()
    /// Longest idle wait: also how soon rows written by another process (a CLI) are noticed.
    private let idleTimeout: Duration
    /// Told of every attempt's outcome (metrics).
    private let onAttempt: @Sendable (DeliveryRecord, DeliveryAttempt.Outcome) -> Void
    /// The wall clock that decides what is due and stamps attempts (`Date()` in production).
    /// Injected so a test can let an hour of retries pass in seconds; waits still run on real time.
    private let now: @Sendable () -> Date

    public init(
        store: NoticeStore, sender: any AlertSender, policy: RetryPolicy = RetryPolicy(), limits: Limits = Limits(),
        logger: Logger, idleTimeout: Duration = .seconds(30),
        onAttempt: @escaping @Sendable (DeliveryRecord, DeliveryAttempt.Outcome) -> Void = { _, _ in },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.onAttempt = onAttempt
        self.now = now
        self.store = store
        self.sender = sender
        self.policy = policy
        self.limits = limits
        self.logger = logger
        self.idleTimeout = idleTimeout
    }

    /// New rows were written (a poll found changes): look now rather than at the next timeout.
    public func wake() { wakeSignal.signal() }

    /// Runs until the task is cancelled. Rows in flight at cancellation are finished (each send has
    /// its own timeout) and recorded, so a graceful stop never causes a duplicate.
    public func run() async {
        logger.info("outbox worker started", metadata: ["concurrency": "\(limits.concurrency)", "per_receiver": "\(limits.perReceiver)"])
        var queue = ReceiverQueues(perReceiver: limits.perReceiver)
        var recorder = AttemptRecorder(store: store, logger: logger)
        var fanOut = FanOutLog()
        await withTaskGroup(of: (DeliveryRecord, String, AttemptResult, Date).self) { group in
            var inFlight = 0
            var lastRefill = ContinuousClock.now
            while true {
                let cancelled = Task.isCancelled
                let wanted = wakeSignal.consume() || (queue.isEmpty && (inFlight == 0 || lastRefill.duration(to: .now) > .seconds(1)))
                if !cancelled && wanted {
                    await recorder.flush()
                    // Rows whose result is not in the store yet look due there: not again.
                    await refill(&queue, exclude: queue.ids.union(recorder.unrecordedIDs))
                    lastRefill = .now
                }
                // Start what the limits allow.
                while !cancelled, inFlight < limits.concurrency, let (context, receiver) = queue.next() {
                    inFlight += 1
                    fanOut.started()
                    group.addTask { [sender, now] in
                        // An unstructured task shields the send from the worker's cancellation:
                        // on shutdown a send in flight finishes (bounded by its own timeout)
                        // instead of being cut off and sent again after the restart.
                        let send = Task {
                            let start = now()
                            return (await sender.send(context, now: start), now())
                        }
                        let (result, finished) = await send.value
                        return (context.delivery, receiver, result, finished)
                    }
                }
                if inFlight == 0 {
                    await recorder.flush()
                    if let summary = fanOut.finish() { logger.info("\(summary)") }
                    if cancelled { break }
                    await wakeSignal.wait(timeout: await idleWait(holdingResults: recorder.isHolding))
                    continue
                }
                guard let (delivery, receiver, result, finished) = await group.next() else { continue }
                inFlight -= 1
                queue.finished(delivery.id, receiver: receiver)
                let outcome = policy.outcome(of: result, for: delivery, now: finished, random: Double.random(in: 0..<1))
                fanOut.record(outcome)
                onAttempt(delivery, outcome)
                log(outcome, delivery)
                recorder.add(DeliveryAttempt(deliveryID: delivery.id, at: finished, outcome: outcome))
                if recorder.shouldFlush { await recorder.flushInBackground() }
            }
        }
        logger.info("outbox worker stopped")
    }

    /// Reads due rows and their contexts into the per-receiver queues.
    private func refill(_ queue: inout ReceiverQueues, exclude: Set<Int64>) async {
        do {
            let started = ContinuousClock.now
            let due = try await store.dueDeliveries(now: now(), limit: limits.batch).filter { !exclude.contains($0.id) }
            guard !due.isEmpty else { return }
            let contexts = try await store.alertContexts(for: due)
            logger.debug("outbox: \(due.count) due rows read in \(started.duration(to: .now))")
            var orphans: [DeliveryAttempt] = []
            for delivery in due {
                if let context = contexts[delivery.id] {
                    queue.add(context, receiver: sender.receiver(of: delivery))
                } else {
                    orphans.append(
                        DeliveryAttempt(deliveryID: delivery.id, at: now(), outcome: .dead(error: "the notice or change is no longer stored")))
                }
            }
            try await store.recordAttempts(orphans)
        } catch {
            logger.error("outbox: cannot read due deliveries: \(error)")
        }
    }

    /// How long to sleep when nothing is due: until the next retry, at most `idleTimeout`.
    /// While results are held because the store refused them, the rows they belong to look due,
    /// so the wait is a fixed retry interval for the write, not the 100 ms for a due row.
    private func idleWait(holdingResults: Bool) async -> Duration {
        if holdingResults { return min(.seconds(2), idleTimeout) }
        guard let next = try? await store.nextDeliveryDue() else { return idleTimeout }
        let seconds = next.timeIntervalSince(now())
        // A row due now that the last refill did not take (the store failing) is retried soon,
        // not in a busy loop.
        if seconds <= 0 { return .milliseconds(100) }
        return min(.milliseconds(Int64(seconds * 1000) + 5), idleTimeout)
    }

    private func log(_ outcome: DeliveryAttempt.Outcome, _ delivery: DeliveryRecord) {
        // Metadata only when the line is written: a 1,000-row fan-out at info level must not
        // format 1,000 dictionaries nobody reads.
        func metadata() -> Logger.Metadata {
            [
                "delivery": "\(delivery.id)", "notice": "\(delivery.planned.noticeID.rawValue)",
                "subscriber": "\(delivery.planned.subscriberID.rawValue)", "channel": "\(delivery.planned.channel.rawValue)",
                "attempt": "\(delivery.attempts + 1)",
            ]
        }
        switch outcome {
        case .sent(let detail):
            if logger.logLevel <= .debug { logger.debug("delivered: \(detail)", metadata: metadata()) }
        case .failed(let error, let retryAt):
            logger.warning("delivery failed, retry at \(retryAt): \(error)", metadata: metadata())
        case .dead(let error):
            logger.error("delivery dead: \(error)", metadata: metadata())
        }
    }
}
