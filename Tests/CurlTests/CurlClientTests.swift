import Curl
import Foundation
import TestSupport
import Testing

/// Runs `body` with a fresh server and client and tears both down even when the body throws.
func withServerAndClient<T>(
    _ body: (LocalHTTPServer, CurlClient) async throws -> T
) async throws -> T {
    let server = try LocalHTTPServer()
    let client = CurlClient()
    defer {
        client.shutdown()
        server.stop()
    }
    return try await body(server, client)
}

struct SlowStats: Decodable {
    var started: Int
    var finished: Int
    var max_concurrent: Int
}

func slowStats(_ server: LocalHTTPServer, _ client: CurlClient) async throws -> SlowStats {
    let response = try await client.perform(CurlRequest(url: server.url("/stats")))
    return try JSONDecoder().decode(SlowStats.self, from: Data(response.body))
}

@Suite("CurlClient over a real HTTP server")
struct CurlClientTests {
    @Test func getReturnsStatusValidatorHeadersAndBody() async throws {
        try await withServerAndClient { server, client in
            let url = server.url("/conditional?etag=%22v1%22&lm=Sun,%2022%20Nov%202026%2010:00:00%20GMT")
            let response = try await client.perform(CurlRequest(url: url))
            #expect(response.statusCode == 200)
            #expect(response.etag == "\"v1\"")
            #expect(response.lastModified == "Sun, 22 Nov 2026 10:00:00 GMT")
            #expect(response.contentType == "application/atom+xml")
            #expect(response.header("content-type") == "application/atom+xml")
            #expect(response.retryAfter == nil)
            #expect(String(decoding: response.body, as: UTF8.self) == "feed body")
            #expect(response.effectiveURL == url)
            #expect(response.redirectCount == 0)
        }
    }

    @Test func requestHeadersUserAgentAndPostBodyReachTheServer() async throws {
        try await withServerAndClient { server, client in
            var request = CurlRequest(url: server.url("/echo"), method: .post)
            request.userAgent = "varselvakt-test/1"
            request.headers = [("If-None-Match", "\"abc\""), ("X-Trace", "42")]
            let payload = String(repeating: "ø-data ", count: 20_000)  // > 1 KiB: no Expect: 100-continue wait
            request.body = Array(payload.utf8)
            let response = try await client.perform(request)
            struct Echo: Decodable { var method: String; var headers: [String: String]; var body: String }
            let echo = try JSONDecoder().decode(Echo.self, from: Data(response.body))
            #expect(echo.method == "POST")
            #expect(echo.headers["user-agent"] == "varselvakt-test/1")
            #expect(echo.headers["if-none-match"] == "\"abc\"")
            #expect(echo.headers["x-trace"] == "42")
            #expect(echo.headers["expect"] == nil)
            #expect(echo.body == payload)
        }
    }

    @Test func headRequestReadsNoBody() async throws {
        try await withServerAndClient { server, client in
            let response = try await client.perform(CurlRequest(url: server.url("/bytes?n=5000"), method: .head))
            #expect(response.statusCode == 200)
            #expect(response.header("Content-Length") == "5000")
            #expect(response.body.isEmpty)
        }
    }

    @Test func followedRedirectsAreCountedAndEndAtTheFinalURL() async throws {
        try await withServerAndClient { server, client in
            var request = CurlRequest(url: server.url("/chain?n=3"))
            request.followRedirects = true
            request.maxRedirects = 3
            let response = try await client.perform(request)
            #expect(response.statusCode == 200)
            #expect(response.redirectCount == 3)
            #expect(response.effectiveURL == server.url("/chain?n=0"))
            #expect(String(decoding: response.body, as: UTF8.self) == "end of chain")
        }
    }

    @Test func unfollowedRedirectExposesItsLocation() async throws {
        try await withServerAndClient { server, client in
            let response = try await client.perform(CurlRequest(url: server.url("/redirect?to=/elsewhere&status=301")))
            #expect(response.statusCode == 301)
            #expect(response.location == "/elsewhere")
        }
    }

    @Test func redirectLoopFailsAsTooManyRedirects() async throws {
        try await withServerAndClient { server, client in
            var request = CurlRequest(url: server.url("/loop"))
            request.followRedirects = true
            request.maxRedirects = 4
            let error = await #expect(throws: CurlError.self) { try await client.perform(request) }
            guard case .tooManyRedirects(let url, let code, let message) = error else {
                Issue.record("expected tooManyRedirects, got \(String(describing: error))")
                return
            }
            #expect(url == request.url)
            #expect(code == 47)
            #expect(message.contains("redirect"))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func slowServerPastTotalTimeoutFailsAsTimeout() async throws {
        try await withServerAndClient { server, client in
            var request = CurlRequest(url: server.url("/slow?ms=3000"))
            request.totalTimeout = .seconds(1)
            let error = await #expect(throws: CurlError.self) { try await client.perform(request) }
            guard case .timeout(_, let code, _) = error else {
                Issue.record("expected timeout, got \(String(describing: error))")
                return
            }
            #expect(code == 28)
        }
    }

    @Test(arguments: ["/bytes?n=300000", "/bytes?n=300000&chunked=1", "/gzip?text=0&repeat=3000000"])
    func bodyOverLimitFailsAsBodyTooLarge(path: String) async throws {
        try await withServerAndClient { server, client in
            var request = CurlRequest(url: server.url(path))
            request.maxResponseBytes = 100_000
            let error = await #expect(throws: CurlError.self) { try await client.perform(request) }
            #expect(error == .bodyTooLarge(url: request.url, limit: 100_000))
        }
    }

    @Test func bodyExactlyAtLimitIsAccepted() async throws {
        try await withServerAndClient { server, client in
            var request = CurlRequest(url: server.url("/bytes?n=100000&chunked=1"))
            request.maxResponseBytes = 102_400
            let response = try await client.perform(request)
            #expect(response.body.count == 102_400)
        }
    }

    @Test func gzipEncodedBodyIsDecoded() async throws {
        try await withServerAndClient { server, client in
            let response = try await client.perform(CurlRequest(url: server.url("/gzip?text=hei%20verden%20&repeat=50")))
            #expect(response.header("Content-Encoding") == "gzip")
            #expect(String(decoding: response.body, as: UTF8.self) == String(repeating: "hei verden ", count: 50))
        }
    }

    @Test func closedPortFailsAsCouldNotConnect() async throws {
        let server = try LocalHTTPServer()
        let url = server.url("/conditional")
        server.stop()
        let client = CurlClient()
        defer { client.shutdown() }
        let error = await #expect(throws: CurlError.self) { try await client.perform(CurlRequest(url: url)) }
        guard case .couldNotConnect(let failedURL, 7, _) = error else {
            Issue.record("expected couldNotConnect, got \(String(describing: error))")
            return
        }
        #expect(failedURL == url)
    }

    @Test func protocolOutsideTheAllowedListIsRefused() async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        let error = await #expect(throws: CurlError.self) {
            try await client.perform(CurlRequest(url: "file://\(#filePath)"))
        }
        guard case .protocolRefused = error else {
            Issue.record("expected protocolRefused, got \(String(describing: error))")
            return
        }
    }

    @Test func redirectToFileSchemeIsRefused() async throws {
        try await withServerAndClient { server, client in
            var request = CurlRequest(url: server.url("/redirect?to=file:///etc/passwd"))
            request.followRedirects = true
            let error = await #expect(throws: CurlError.self) { try await client.perform(request) }
            guard case .protocolRefused(let url, _, _) = error else {
                Issue.record("expected protocolRefused, got \(String(describing: error))")
                return
            }
            #expect(url == request.url)
        }
    }

    @Test func fileProtocolReadsALocalFileWhenAllowed() async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        var request = CurlRequest(url: "file://\(#filePath)")
        request.allowedProtocols = "file"
        let response = try await client.perform(request)
        #expect(response.body == Array(try Data(contentsOf: URL(fileURLWithPath: #filePath))))
    }

    @Test func headerValueWithLineBreakIsRejectedBeforeSending() async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        var request = CurlRequest(url: "http://127.0.0.1:1/")
        request.headers = [("If-None-Match", "\"x\"\r\nX-Injected: 1")]
        let error = await #expect(throws: CurlError.self) { try await client.perform(request) }
        guard case .invalidRequest = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
    }
}
