import Curl
import Delivery
import Foundation
import TestSupport
import VarselModel

/// Runs `body` with a fresh HTTP server and curl client, stopping both even when it throws.
func withHookServer<T>(_ body: (LocalHTTPServer, CurlClient) async throws -> T) async throws -> T {
    let server = try LocalHTTPServer()
    let client = CurlClient()
    defer {
        client.shutdown()
        server.stop()
    }
    return try await body(server, client)
}

let testSecret = Secret("whsec_test_7f3a9c")
let testUserAgent = "varselvakt-test/1.0"

/// The test receivers listen on 127.0.0.1, which the SSRF guard refuses unless allowed.
let loopbackAllowed = WebhookAddressPolicy(allowed: [try! IPNetwork(cidr: "127.0.0.1/32")])

/// A transport that may reach the local receiver (`policy` as `[delivery] allow_private_webhooks`
/// would give it; pass `WebhookAddressPolicy()` to test the default).
func webhookTransport(
    _ client: CurlClient, timeout: Duration = .seconds(5), policy: WebhookAddressPolicy = loopbackAllowed
) -> WebhookTransport {
    WebhookTransport(
        client: client, timeout: timeout, connectTimeout: .seconds(2), userAgent: testUserAgent, addressPolicy: policy)
}

extension WebhookTransport {
    /// A send with fixed test values for everything but `url` and `body`.
    func send(_ url: String, body: [UInt8] = Array(#"{"event":"notice.new","title":"Altinn er nede"}"#.utf8), now: Date = Date())
        async -> AttemptResult
    {
        await send(
            url: url, body: body, secret: testSecret, idempotencyKey: "notice-17:kommune-0301:webhook",
            event: "notice.new", deliveryID: 42, now: now)
    }
}
