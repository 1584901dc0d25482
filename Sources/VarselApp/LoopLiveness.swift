import Synchronization

/// Which of the daemon's loops are running, for /readyz. Each loop is wrapped in a
/// `TrackedService` that marks it running when its `run()` starts and stopped when it returns
/// or throws, so a loop that ended (or has not started yet) makes the daemon not ready.
public final class LoopLiveness: Sendable {
    private let running = Mutex<[String: Bool]>([:])

    public init() {}

    func expect(_ name: String) { running.withLock { $0[name] = $0[name] ?? false } }
    func started(_ name: String) { running.withLock { $0[name] = true } }
    func stopped(_ name: String) { running.withLock { $0[name] = false } }

    /// The loops expected but not running, by name.
    public var notRunning: [String] {
        running.withLock { $0.filter { !$0.value }.keys.sorted() }
    }
}
