import CCurl
import Foundation
import Synchronization

/// The curl thread: one multi handle, driven by `curl_multi_poll` on one dedicated `Thread`.
///
/// Why a thread and not tasks: libcurl blocks in `poll()`, and the cooperative pool has only as
/// many threads as cores (2 on the build machine); a blocking call there stalls every task
/// (measured: a 5 s stall with `curl_easy_perform` in tasks, 12 ms with this loop, see STACK.md).
///
/// Ownership: the thread's closure holds the loop strongly, so it lives until the thread exits.
/// All multi-handle calls happen on that thread, except `curl_multi_wakeup`, which libcurl
/// documents as callable from any thread; it is only called under the inbox lock while the loop
/// is not stopped, so it can never touch a multi handle that the thread has already cleaned up.
final class MultiLoop: Sendable {
    private struct Inbox {
        var isStopped = false
        var queued: [Transfer] = []
    }

    nonisolated(unsafe) private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())

    init(maxTotalConnections: Int, maxHostConnections: Int) {
        precondition(CurlGlobal.isInitialized, "curl_global_init failed")
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed (out of memory)") }
        self.multi = multi
        vv_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(0, maxTotalConnections))
        vv_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(0, maxHostConnections))
        let thread = Thread { [self] in self.run() }
        thread.name = "varselvakt-curl"
        thread.start()
    }

    /// Hands a transfer to the curl thread; `false` when the loop is already stopped (the caller
    /// then resumes the continuation itself).
    func enqueue(_ transfer: Transfer) -> Bool {
        inbox.withLock { inbox in
            guard !inbox.isStopped else { return false }
            inbox.queued.append(transfer)
            curl_multi_wakeup(multi)
            return true
        }
    }

    /// Marks a transfer cancelled and wakes the loop, which removes it and resumes its task with
    /// `CancellationError`. Harmless if the transfer already finished.
    func cancel(_ transfer: Transfer) {
        transfer.isCancelled.store(true, ordering: .releasing)
        inbox.withLock { inbox in
            if !inbox.isStopped { curl_multi_wakeup(multi) }
        }
    }

    /// Stops the loop: in-flight and queued transfers fail with `CurlError.shutDown`, the multi
    /// handle is cleaned up on the curl thread, the thread exits. Idempotent, does not block.
    func stop() {
        inbox.withLock { inbox in
            guard !inbox.isStopped else { return }
            inbox.isStopped = true
            curl_multi_wakeup(multi)
        }
    }

    // MARK: - The curl thread

    private func run() {
        // Loop-local state: only this thread ever sees it, so it needs no lock.
        var active: [UnsafeMutableRawPointer: Transfer] = [:]
        while true {
            let (isStopped, arrivals) = inbox.withLock { inbox in
                defer { inbox.queued.removeAll() }
                return (inbox.isStopped, inbox.queued)
            }
            if isStopped {
                for transfer in arrivals { transfer.resume(with: .failure(CurlError.shutDown(url: transfer.url))) }
                for (easy, transfer) in active {
                    curl_multi_remove_handle(multi, easy)
                    transfer.resume(with: .failure(CurlError.shutDown(url: transfer.url)))
                }
                curl_multi_cleanup(multi)
                return
            }
            for transfer in arrivals { start(transfer, in: &active) }
            removeCancelled(from: &active)

            var stillRunning: Int32 = 0
            curl_multi_perform(multi, &stillRunning)
            collectFinished(from: &active)

            var ready: Int32 = 0
            curl_multi_poll(multi, nil, 0, 1000, &ready)
        }
    }

    private func start(_ transfer: Transfer, in active: inout [UnsafeMutableRawPointer: Transfer]) {
        // Cancelled before the loop ever saw it (the task was cancelled while enqueuing).
        if transfer.isCancelled.load(ordering: .acquiring) {
            transfer.resume(with: .failure(CancellationError()))
            return
        }
        let code = curl_multi_add_handle(multi, transfer.easy)
        guard code == CURLM_OK else {
            let reason = "curl_multi_add_handle: \(String(cString: curl_multi_strerror(code)))"
            transfer.resume(with: .failure(CurlError.invalidRequest(url: transfer.url, reason: reason)))
            return
        }
        active[transfer.easy] = transfer
    }

    private func removeCancelled(from active: inout [UnsafeMutableRawPointer: Transfer]) {
        for (easy, transfer) in active where transfer.isCancelled.load(ordering: .acquiring) {
            curl_multi_remove_handle(multi, easy)
            active[easy] = nil
            transfer.resume(with: .failure(CancellationError()))
        }
    }

    private func collectFinished(from active: inout [UnsafeMutableRawPointer: Transfer]) {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            curl_multi_remove_handle(multi, easy)
            active.removeValue(forKey: easy)?.complete(with: code)
        }
    }
}

/// `curl_global_init` must run once per process before any thread uses libcurl. A lazily
/// initialised static is Swift's thread-safe run-once; it is the only process-wide state here
/// and exists because libcurl's contract demands it.
enum CurlGlobal {
    static let isInitialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
}
