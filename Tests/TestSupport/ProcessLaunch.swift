public import Foundation
import Synchronization

/// Starts a child process, one at a time across the whole test run. swift-corelibs-foundation's
/// `Process.run()` is not safe to call from two threads at once: with the suite's tests starting
/// Python servers, openssl and the daemon in parallel, a fresh CI run crashed inside it (a bad
/// pointer in memcpy, two `run()` calls on two threads). Starting is quick; only the start is
/// serialised, the processes then run side by side.
public func launch(_ process: Process) throws {
    try processLaunchLock.withLock { _ in try process.run() }
}

private let processLaunchLock = Mutex(())
