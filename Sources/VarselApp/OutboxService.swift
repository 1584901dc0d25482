public import Delivery
public import ServiceLifecycle

/// Runs the outbox worker under the daemon's `ServiceGroup`: on graceful shutdown it stops
/// taking new rows, finishes and records the sends in flight, and returns.
public struct OutboxService: Service {
    let worker: OutboxWorker

    public init(worker: OutboxWorker) { self.worker = worker }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await worker.run()
        }
    }
}
