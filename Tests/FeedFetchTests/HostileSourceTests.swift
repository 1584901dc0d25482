import Curl
import FeedFetch
import Foundation
import TestSupport
import Testing

/// Sources that try to hold a poll or its memory hostage, against a real server on 127.0.0.1.
/// Each ends at a limit the feed's config sets (`timeout`, `max_bytes`) with an error naming it.
@Suite("Hostile sources end at the feed's limits")
struct HostileSourceTests {
    /// A body that never ends but arrives so slowly that the size cap is never reached: only the
    /// total timeout can end it.
    @Test(.timeLimit(.minutes(1)))
    func endlessSlowBodyEndsAtTheTimeout() async throws {
        try await withFetcher { server, fetcher in
            let url = server.url("/endless?ms=20&chunk=64")
            let started = ContinuousClock.now
            let error = await fetchError(fetcher, FeedRequest(url: url, limits: FetchLimits(timeout: .seconds(1))))
            #expect(error == .timeout(url: url, seconds: 1))
            #expect(error?.description == "feed \(url): no complete response within 1 s")
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    /// A body that never ends and arrives as fast as the socket allows: the size cap ends it.
    @Test(.timeLimit(.minutes(1)))
    func endlessFastBodyEndsAtTheSizeCap() async throws {
        try await withFetcher { server, fetcher in
            let url = server.url("/endless")
            let error = await fetchError(fetcher, FeedRequest(url: url, limits: FetchLimits(maxBytes: 1 << 20)))
            #expect(error == .tooLarge(url: url, limit: 1 << 20))
        }
    }

    /// About 4 MB on the wire that would inflate to 4 GiB: curl decodes as it reads, the limit
    /// applies to the decoded bytes, so the transfer stops after 5 MiB of output.
    @Test(.timeLimit(.minutes(1)))
    func gzipBombIsCutAtMaxBytes() async throws {
        try await withFetcher { server, fetcher in
            let url = server.url("/gzipbomb?mib=4096")
            let started = ContinuousClock.now
            let error = await fetchError(fetcher, FeedRequest(url: url, limits: FetchLimits(maxBytes: 5 << 20)))
            #expect(error == .tooLarge(url: url, limit: 5 << 20))
            #expect(error?.description == "feed \(url): body exceeds the limit of 5242880 bytes")
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }
}
