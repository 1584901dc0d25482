import Crypto
import Curl
import Delivery
import Foundation
import TestSupport
import Testing
import VarselModel

@Suite("Webhook transport against a real HTTP receiver on 127.0.0.1")
struct WebhookTransportTests {
    @Test func deliveredPostCarriesEveryHeaderAndASignatureTheReceiverCanVerify() async throws {
        try await withHookServer { server, client in
            let body = Array(#"{"event":"notice.new","title":"Driftsproblemer i Altinn – æøå"}"#.utf8)
            let now = Date()
            let result = await webhookTransport(client).send(server.url("/hook?id=ok"), body: body, now: now)
            #expect(result == .delivered(detail: "HTTP 200"))

            let requests = try await server.hookLog(id: "ok", client: client)
            let request = try #require(requests.first)
            #expect(requests.count == 1)
            #expect(request.method == "POST")
            #expect(request.bodyBytes == body)
            #expect(request.header("Content-Type") == "application/json")
            #expect(request.header("User-Agent") == testUserAgent)
            #expect(request.header("Varselvakt-Idempotency-Key") == "notice-17:kommune-0301:webhook")
            #expect(request.header("Varselvakt-Event") == "notice.new")
            #expect(request.header("Varselvakt-Delivery") == "42")
            #expect(request.header("Expect") == nil)

            let signature = try #require(request.header("Varselvakt-Signature"))
            let unixNow = Int(now.timeIntervalSince1970)
            #expect(WebhookSignature.verify(header: signature, body: request.bodyBytes, secret: testSecret, now: unixNow))
            #expect(!WebhookSignature.verify(header: signature, body: request.bodyBytes, secret: Secret("wrong"), now: unixNow))

            // Independently: recompute the HMAC over what the receiver got.
            let fields = Dictionary(
                uniqueKeysWithValues: signature.split(separator: ",").map { part in
                    let pair = part.split(separator: "=", maxSplits: 1)
                    return (String(pair[0]), String(pair[1]))
                })
            let timestamp = try #require(fields["t"])
            #expect(Int(timestamp) == unixNow)
            let key = SymmetricKey(data: Array(testSecret.value.utf8))
            let mac = HMAC<SHA256>.authenticationCode(for: Array("\(timestamp).".utf8) + request.bodyBytes, using: key)
            #expect(fields["v1"] == mac.map { String(format: "%02x", $0) }.joined())

            // The secret itself never travels.
            for pair in request.headers { #expect(!pair.joined().contains(testSecret.value)) }
        }
    }

    @Test func serverErrorIsRetriedAndTheNextAttemptIsDelivered() async throws {
        try await withHookServer { server, client in
            let transport = webhookTransport(client)
            let url = server.url("/hook?id=flaky&seq=500,200&text=database%20down")
            let first = await transport.send(url)
            #expect(first == .retry(error: "HTTP 500 from http://127.0.0.1:\(server.port)/hook: database down", retryAfter: nil))
            let second = await transport.send(url)
            #expect(second == .delivered(detail: "HTTP 200"))
            let flakyLog = try await server.hookLog(id: "flaky", client: client)
            #expect(flakyLog.count == 2)
        }
    }

    @Test func goneIsAPermanentFailureNamingStatusURLAndAnswer() async throws {
        try await withHookServer { server, client in
            let result = await webhookTransport(client).send(server.url("/hook?id=gone&seq=410&text=endpoint%20removed"))
            #expect(result == .permanent(error: "HTTP 410 from http://127.0.0.1:\(server.port)/hook: endpoint removed"))
        }
    }

    @Test(arguments: [408, 429, 502, 503])
    func transientStatusesAreRetried(status: Int) async throws {
        try await withHookServer { server, client in
            let result = await webhookTransport(client).send(server.url("/hook?id=t&seq=\(status)"))
            guard case .retry(let error, nil) = result else {
                Issue.record("expected retry for \(status), got \(result)")
                return
            }
            #expect(error.hasPrefix("HTTP \(status) from"))
        }
    }

    @Test(arguments: [400, 401, 403, 404, 422])
    func clientErrorsArePermanent(status: Int) async throws {
        try await withHookServer { server, client in
            let result = await webhookTransport(client).send(server.url("/hook?id=c&seq=\(status)"))
            guard case .permanent(let error) = result else {
                Issue.record("expected permanent for \(status), got \(result)")
                return
            }
            #expect(error.hasPrefix("HTTP \(status) from"))
        }
    }

    @Test func tooManyRequestsHonoursRetryAfterSeconds() async throws {
        try await withHookServer { server, client in
            let result = await webhookTransport(client).send(server.url("/hook?id=busy&seq=429&retry_after=7"))
            guard case .retry(_, let after) = result else {
                Issue.record("expected retry, got \(result)")
                return
            }
            #expect(after == .seconds(7))
        }
    }

    @Test func retryAfterAsAnHTTPDateIsRelativeToTheAttempt() async throws {
        try await withHookServer { server, client in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            // 1_800_000_120 = Fri, 15 Jan 2027 08:02:00 GMT
            let date = "Fri,%2015%20Jan%202027%2008:02:00%20GMT"
            let result = await webhookTransport(client).send(server.url("/hook?id=d&seq=503&retry_after=\(date)"), now: now)
            guard case .retry(_, let after) = result else {
                Issue.record("expected retry, got \(result)")
                return
            }
            #expect(after == .seconds(120))
        }
    }

    @Test func redirectIsPermanentNamesTheLocationAndIsNotFollowed() async throws {
        try await withHookServer { server, client in
            let target = server.url("/hook?id=target")
            let encoded = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let result = await webhookTransport(client).send(server.url("/hook?id=moved&seq=301&location=\(encoded)"))
            guard case .permanent(let error) = result else {
                Issue.record("expected permanent, got \(result)")
                return
            }
            #expect(error.contains("HTTP 301"))
            #expect(error.contains(target))
            let movedLog = try await server.hookLog(id: "moved", client: client)
            #expect(movedLog.count == 1)
            let targetLog = try await server.hookLog(id: "target", client: client)
            #expect(targetLog.isEmpty)
        }
    }

    @Test func hangingReceiverIsRetriedWithTheTimeoutNamed() async throws {
        try await withHookServer { server, client in
            let result = await webhookTransport(client, timeout: .seconds(1)).send(server.url("/hook?id=hang&ms=4000"))
            guard case .retry(let error, nil) = result else {
                Issue.record("expected retry, got \(result)")
                return
            }
            #expect(error == "timeout after 1s waiting for http://127.0.0.1:\(server.port)/hook to answer")
        }
    }

    @Test func closedPortIsRetried() async throws {
        let server = try LocalHTTPServer()
        let url = server.url("/hook")
        let port = server.port
        server.stop()
        let client = CurlClient()
        defer { client.shutdown() }
        let result = await webhookTransport(client).send(url)
        guard case .retry(let error, nil) = result else {
            Issue.record("expected retry, got \(result)")
            return
        }
        #expect(error.hasPrefix("cannot connect to 127.0.0.1:\(port): "))
    }

    @Test(arguments: ["ftp://192.0.2.1/hook", "file:///etc/passwd", "gopher://192.0.2.1/", "smtp://192.0.2.1:25"])
    func nonHTTPSchemeIsPermanentWithoutConnecting(url: String) async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        // 192.0.2.1 (TEST-NET-1) never answers: a connect attempt would end as a retryable timeout.
        let transport = WebhookTransport(client: client, timeout: .seconds(30), connectTimeout: .seconds(30), userAgent: "t")
        let result = await transport.send(url)
        guard case .permanent(let error) = result else {
            Issue.record("expected permanent, got \(result)")
            return
        }
        #expect(error.contains("only http and https are allowed"))
    }

    @Test func malformedURLIsPermanent() async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        let result = await webhookTransport(client).send("not a url")
        #expect(result == .permanent(error: "webhook URL not a url is not a valid URL"))
    }

    @Test func receiverTextIsSanitisedAndCapped() async throws {
        try await withHookServer { server, client in
            let hostile = "line1%0D%0AInjected:%20yes%1B[31m%E2%80%AEevil" + String(repeating: "A", count: 1000)
            let result = await webhookTransport(client).send(server.url("/hook?id=h&seq=400&text=\(hostile)"))
            let error = try #require(result.error)
            #expect(error.hasPrefix("HTTP 400 from http://127.0.0.1:\(server.port)/hook: line1 Injected: yes [31m evil"))
            #expect(error.hasSuffix("…"))
            #expect(!error.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
            #expect(error.count < 300)
        }
    }

    @Test func oversizedAnswerIsCutAndItsStatusStillCounts() async throws {
        try await withHookServer { server, client in
            // A 2xx with a huge page is delivered (not sent again and again) ...
            let accepted = await webhookTransport(client).send(server.url("/bytes?n=200000"))
            #expect(accepted == .delivered(detail: "HTTP 200"))
            // ... and a close-delimited endless answer is cut at the limit too.
            let endless = await webhookTransport(client).send(server.url("/bytes?n=5000000&chunked=1"))
            #expect(endless == .delivered(detail: "HTTP 200"))
        }
    }

    @Test func errorsNameNeitherTheSecretNorURLCredentialsOrQuery() async throws {
        try await withHookServer { server, client in
            let url = "http://alice:hunter2@127.0.0.1:\(server.port)/hook?id=s&seq=500&token=tok_abc"
            let result = await webhookTransport(client).send(url)
            let error = try #require(result.error)
            #expect(error == "HTTP 500 from http://127.0.0.1:\(server.port)/hook: ok")
            #expect(!error.contains(testSecret.value))
        }
    }

    @Test func headerInjectionThroughTheEventIsRefusedBeforeSending() async throws {
        try await withHookServer { server, client in
            let result = await webhookTransport(client).send(
                url: server.url("/hook?id=inj"), body: [], secret: testSecret, idempotencyKey: "k",
                event: "notice.new\r\nX-Evil: 1", deliveryID: 1, now: Date())
            guard case .permanent = result else {
                Issue.record("expected permanent, got \(result)")
                return
            }
            let injectedLog = try await server.hookLog(id: "inj", client: client)
            #expect(injectedLog.isEmpty)
        }
    }

    @Test func consecutivePostsToOneHostReuseOneConnection() async throws {
        try await withHookServer { server, client in
            let transport = webhookTransport(client)
            for _ in 0..<20 {
                #expect(await transport.send(server.url("/hook?id=reuse")).isDelivered)
            }
            let requests = try await server.hookLog(id: "reuse", client: client)
            #expect(requests.count == 20)
            #expect(Set(requests.map(\.client_port)).count == 1)
        }
    }
}
