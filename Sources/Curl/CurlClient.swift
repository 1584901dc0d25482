/// The process's HTTP client: one libcurl multi handle on one dedicated thread, shared by every
/// task that needs HTTP or SMTP (feed polls, probes, webhooks, mail submission).
///
/// Why one shared client: the multi handle keeps a connection cache and a DNS cache, so repeated
/// polls of the same host reuse connections, and ``init(maxTotalConnections:maxHostConnections:)``
/// bounds how many sockets the daemon opens at once (more transfers simply wait their turn
/// inside curl). Transfers never run on Swift's cooperative pool, so a slow server cannot starve
/// other tasks.
///
/// Lifetime: call ``shutdown()`` when the service stops (deinit does the same). Transfers still
/// running then fail with ``CurlError/shutDown(url:)``; later calls to ``perform(_:)`` fail the same way.
public final class CurlClient: Sendable {
    private let loop: MultiLoop

    /// Starts the curl thread.
    /// - Parameters:
    ///   - maxTotalConnections: open connections at most (`CURLMOPT_MAX_TOTAL_CONNECTIONS`); 0 = unlimited.
    ///   - maxHostConnections: per host (`CURLMOPT_MAX_HOST_CONNECTIONS`); 0 = unlimited.
    public init(maxTotalConnections: Int = 16, maxHostConnections: Int = 0) {
        loop = MultiLoop(maxTotalConnections: maxTotalConnections, maxHostConnections: maxHostConnections)
    }

    deinit {
        loop.stop()
    }

    /// Runs one transfer to completion and returns the response, whatever its status code.
    ///
    /// Cancelling the calling task removes the transfer from curl at once (the connection is
    /// closed) and throws `CancellationError`.
    /// - Throws: ``CurlError`` for transport failures, `CancellationError` when cancelled.
    public func perform(_ request: CurlRequest) async throws -> CurlResponse {
        do {
            return try await run(request)
        } catch let failure as CurlFailure {
            throw failure.error
        }
    }

    /// Runs one transfer like ``perform(_:)`` but hands a transport failure back as data, with
    /// what curl knew about it (socket errno, phase timings, the certificate): what a probe needs
    /// to tell "connection refused" from "timed out in the TLS handshake".
    /// - Throws: only `CancellationError` (the calling task was cancelled).
    public func attempt(_ request: CurlRequest) async throws -> Result<CurlResponse, CurlFailure> {
        do {
            return .success(try await run(request))
        } catch let failure as CurlFailure {
            return .failure(failure)
        } catch let error as CurlError {
            return .failure(CurlFailure(error: error))
        }
    }

    private func run(_ request: CurlRequest) async throws -> CurlResponse {
        let transfer = try Transfer(request)
        let loop = self.loop
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.continuation = continuation
                if !loop.enqueue(transfer) {
                    transfer.resume(with: .failure(CurlError.shutDown(url: request.url)))
                }
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    /// Stops the curl thread: running transfers fail with ``CurlError/shutDown(url:)``, the multi
    /// handle is released on the curl thread. Returns without waiting; safe to call twice.
    public func shutdown() {
        loop.stop()
    }
}
