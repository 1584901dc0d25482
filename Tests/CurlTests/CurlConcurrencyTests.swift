import Curl
import TestSupport
import Testing

@Suite("CurlClient concurrency, cancellation and shutdown")
struct CurlConcurrencyTests {
    @Test(.timeLimit(.minutes(1)))
    func twentyParallelTransfersAllCompleteAndOverlap() async throws {
        try await withServerAndClient { server, client in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await client.perform(CurlRequest(url: server.url("/slow?ms=300"))).statusCode }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 20))
            let stats = try await slowStats(server, client)
            #expect(stats.finished == 20)
            // The server saw several requests at once: the multi loop runs them side by side.
            #expect(stats.max_concurrent > 1)
        }
    }

    /// Waits (without a time assertion) until the server has started `count` slow requests.
    private func waitUntilStarted(_ count: Int, _ server: LocalHTTPServer, _ client: CurlClient) async throws {
        while try await slowStats(server, client).started < count {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellingTheTaskAbortsAnInFlightTransfer() async throws {
        try await withServerAndClient { server, client in
            let task = Task { try await client.perform(CurlRequest(url: server.url("/slow?ms=20000"))) }
            try await waitUntilStarted(1, server, client)
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            // Promptness without a clock: the server is still sleeping on that request.
            #expect(try await slowStats(server, client).finished == 0)
        }
    }

    @Test func cancelledBeforeStartingThrowsCancellationError() async throws {
        try await withServerAndClient { server, client in
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.perform(CurlRequest(url: server.url("/slow?ms=20000")))
            }
            await #expect(throws: CancellationError.self) { try await task.value }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func shutdownFailsInFlightAndLaterTransfers() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let client = CurlClient()
        let probe = CurlClient()
        defer { probe.shutdown() }
        let url = server.url("/slow?ms=20000")
        let task = Task { try await client.perform(CurlRequest(url: url)) }
        while try await slowStats(server, probe).started < 1 {
            try await Task.sleep(for: .milliseconds(20))
        }
        client.shutdown()
        let inFlight = await #expect(throws: CurlError.self) { try await task.value }
        #expect(inFlight == .shutDown(url: url))
        let later = await #expect(throws: CurlError.self) { try await client.perform(CurlRequest(url: url)) }
        #expect(later == .shutDown(url: url))
        client.shutdown()  // idempotent
    }
}
