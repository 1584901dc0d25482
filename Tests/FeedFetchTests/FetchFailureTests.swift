import FeedFetch
import Foundation
import TestSupport
import Testing

@Suite("Fetch failures name the feed and the cause")
struct FetchFailureTests {
    @Test func redirectLoopFailsAsTooManyRedirects() async throws {
        try await withFetcher { server, fetcher in
            let url = server.url("/loop")
            let error = await fetchError(fetcher, FeedRequest(url: url))
            #expect(error == .tooManyRedirects(url: url, max: 5))
            #expect(error?.isRetryable == false)
        }
    }

    @Test func redirectsUpToTheLimitAreFollowed() async throws {
        try await withFetcher { server, fetcher in
            let result = try await fetcher.fetch(FeedRequest(url: server.url("/chain?n=2"), limits: FetchLimits(maxRedirects: 2)))
            guard case .modified(let feed) = result else { Issue.record("expected modified, got \(result)"); return }
            #expect(feed.finalURL == server.url("/chain?n=0"))
            let tooMany = await fetchError(
                fetcher, FeedRequest(url: server.url("/chain?n=3"), limits: FetchLimits(maxRedirects: 2)))
            #expect(tooMany == .tooManyRedirects(url: server.url("/chain?n=3"), max: 2))
        }
    }

    @Test func serverErrorCarriesRetryAfterSeconds() async throws {
        try await withFetcher { server, fetcher in
            let url = server.url("/status?code=503&retry_after=120")
            let error = await fetchError(fetcher, FeedRequest(url: url))
            #expect(error == .httpStatus(url: url, status: 503, retryAfter: 120))
            #expect(error?.retryAfter == .seconds(120))
            #expect(error?.isRetryable == true)
            #expect(error?.description == "feed \(url): HTTP status 503, Retry-After 120 s")
        }
    }

    @Test func retryAfterAsHTTPDateBecomesSeconds() async throws {
        try await withFetcher { server, fetcher in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let date = formatter.string(from: Date().addingTimeInterval(3600))
            let query = "code=429&retry_after=" + date.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let error = await fetchError(fetcher, FeedRequest(url: server.url("/status?" + query)))
            guard case .httpStatus(_, 429, let seconds?) = error else {
                Issue.record("expected httpStatus 429 with Retry-After, got \(String(describing: error))")
                return
            }
            #expect((3000...3601).contains(seconds))
        }
    }

    @Test func notFoundWithoutRetryAfterIsNotRetryable() async throws {
        try await withFetcher { server, fetcher in
            let url = server.url("/no-such-feed")
            let error = await fetchError(fetcher, FeedRequest(url: url))
            #expect(error == .httpStatus(url: url, status: 404, retryAfter: nil))
            #expect(error?.retryAfter == nil)
            #expect(error?.isRetryable == false)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func slowServerPastTheTimeoutFailsAsTimeout() async throws {
        try await withFetcher { server, fetcher in
            let url = server.url("/slow?ms=3000")
            let error = await fetchError(fetcher, FeedRequest(url: url, limits: FetchLimits(timeout: .seconds(1))))
            #expect(error == .timeout(url: url, seconds: 1))
            #expect(error?.isRetryable == true)
        }
    }

    @Test(arguments: ["/bytes?n=70000", "/bytes?n=70000&chunked=1", "/gzip?text=0&repeat=5000000"])
    func bodyOverTheLimitFailsAsTooLarge(path: String) async throws {
        try await withFetcher { server, fetcher in
            let url = server.url(path)
            let error = await fetchError(fetcher, FeedRequest(url: url, limits: FetchLimits(maxBytes: 65_536)))
            #expect(error == .tooLarge(url: url, limit: 65_536))
        }
    }

    @Test func redirectToFileSchemeIsRefused() async throws {
        try await withFetcher { server, fetcher in
            let url = server.url("/redirect?to=file:///etc/passwd")
            let error = await fetchError(fetcher, FeedRequest(url: url))
            guard case .redirectRefused(let failedURL, _) = error else {
                Issue.record("expected redirectRefused, got \(String(describing: error))")
                return
            }
            #expect(failedURL == url)
        }
    }

    @Test func closedPortFailsAsTransportError() async throws {
        let server = try LocalHTTPServer()
        let url = server.url("/conditional")
        server.stop()
        try await withOfflineFetcher { fetcher in
            let error = await fetchError(fetcher, FeedRequest(url: url))
            guard case .transport(url, 7, let message) = error else {
                Issue.record("expected transport error 7, got \(String(describing: error))")
                return
            }
            #expect(!message.isEmpty)
            #expect(error?.isRetryable == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellingThePollGivesCancelled() async throws {
        try await withFetcher { server, fetcher in
            let url = server.url("/slow?ms=20000")
            let task = Task { await fetchError(fetcher, FeedRequest(url: url)) }
            task.cancel()
            #expect(await task.value == .cancelled(url: url))
        }
    }
}
