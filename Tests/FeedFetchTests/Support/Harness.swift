import Curl
import FeedFetch
import TestSupport
import Testing

/// Runs `body` with a fresh server and a fetcher on a fresh client; tears both down afterwards.
func withFetcher<T>(_ body: (LocalHTTPServer, FeedFetcher) async throws -> T) async throws -> T {
    let server = try LocalHTTPServer()
    let client = CurlClient()
    defer {
        client.shutdown()
        server.stop()
    }
    return try await body(server, FeedFetcher(client: client, userAgent: FeedFetcher.defaultUserAgent))
}

/// Runs `body` with a fetcher that must never need a server.
func withOfflineFetcher<T>(_ body: (FeedFetcher) async throws -> T) async throws -> T {
    let client = CurlClient()
    defer { client.shutdown() }
    return try await body(FeedFetcher(client: client))
}

/// The error a fetch threw, or `nil` (recording an issue) if it succeeded.
func fetchError(_ fetcher: FeedFetcher, _ request: FeedRequest) async -> FeedFetchError? {
    do {
        let result = try await fetcher.fetch(request)
        Issue.record("expected an error, got \(result)")
        return nil
    } catch {
        return error
    }
}
