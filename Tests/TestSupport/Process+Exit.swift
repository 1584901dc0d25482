public import Foundation

extension Process {
    /// Waits until the process has exited, for at most `seconds`; returns whether it did.
    ///
    /// Not `waitUntilExit()`: it spins the calling thread's run loop, and called from Swift's
    /// cooperative pool (tests run there) it was seen to never return once every pool thread
    /// was inside it, starving the whole test run. `isRunning` is kept up to date by
    /// Foundation's own monitor thread, so polling it needs nothing from the pool. The wait is
    /// for the fact (the exit), bounded so a stuck child fails a test instead of hanging it.
    @discardableResult
    public func waitForExit(within seconds: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning && Date() < deadline { usleep(2_000) }
        return !isRunning
    }
}
