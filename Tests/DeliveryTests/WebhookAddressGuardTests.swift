import Curl
import Delivery
import Foundation
import TestSupport
import Testing
import VarselModel

/// A webhook attempt that ended otherwise than the test expected.
enum GuardTestFailure: Error {
    case unexpected(AttemptResult)
}

/// A port on 127.0.0.1 where nothing listens any more (a test server's, after it stopped).
func closedLocalPort() throws -> Int {
    let server = try LocalHTTPServer()
    defer { server.stop() }
    return server.port
}

/// The SSRF guard against a real receiver on 127.0.0.1: the default refuses loopback at connect
/// time (the receiver's own log proves nothing arrived), an explicit allow-list lets it through.
@Suite("Webhook SSRF guard against a real receiver on 127.0.0.1")
struct WebhookAddressGuardTests {
    /// The permanent error of `result`, or a recorded issue.
    private func permanentError(_ result: AttemptResult) -> String? {
        guard case .permanent(let error) = result else {
            Issue.record("expected a permanent failure, got \(result)")
            return nil
        }
        return error
    }

    @Test func loopbackReceiverIsRefusedByDefaultAndSeesNoRequest() async throws {
        try await withHookServer { server, client in
            let transport = webhookTransport(client, policy: WebhookAddressPolicy())
            let result = await transport.send(server.url("/hook?id=guarded"))
            let error = try #require(permanentError(result))
            #expect(
                error
                    == "webhook to http://127.0.0.1:\(server.port)/hook refused: 127.0.0.1 resolves to 127.0.0.1, "
                    + "a loopback address; allow it with [delivery] allow_private_webhooks")
            let log = try await server.hookLog(id: "guarded", client: client)
            #expect(log.isEmpty)
        }
    }

    @Test func loopbackReceiverIsDeliveredWhenItsBlockIsAllowed() async throws {
        try await withHookServer { server, client in
            let result = await webhookTransport(client, policy: loopbackAllowed).send(server.url("/hook?id=allowed"))
            #expect(result == .delivered(detail: "HTTP 200"))
            let log = try await server.hookLog(id: "allowed", client: client)
            #expect(log.count == 1)
        }
    }

    @Test func allowingAnotherPrivateBlockDoesNotAllowLoopback() async throws {
        try await withHookServer { server, client in
            let policy = WebhookAddressPolicy(allowed: [try IPNetwork(cidr: "10.1.0.0/16")])
            let result = await webhookTransport(client, policy: policy).send(server.url("/hook?id=other"))
            #expect(permanentError(result)?.contains("a loopback address") == true)
            let log = try await server.hookLog(id: "other", client: client)
            #expect(log.isEmpty)
        }
    }

    /// `localhost` is a name: only the connect-time check sees that it resolves to loopback.
    @Test func hostNameThatResolvesToLoopbackIsRefused() async throws {
        try await withHookServer { server, client in
            let url = "http://localhost:\(server.port)/hook?id=name"
            let result = await webhookTransport(client, policy: WebhookAddressPolicy()).send(url)
            let error = try #require(permanentError(result))
            #expect(error.contains("localhost resolves to "))
            #expect(error.contains(", a loopback address; allow it with [delivery] allow_private_webhooks"))
            let log = try await server.hookLog(id: "name", client: client)
            #expect(log.isEmpty)
        }
    }

    /// `[::1]` has no listener here (the receiver binds 127.0.0.1), so without the guard this
    /// would be a retryable "cannot connect". Linux connects an IPv6 socket to
    /// `::ffff:127.0.0.1`, and any socket to `0.0.0.0`, through to the 127.0.0.1 listener, so
    /// without the guard those two would arrive.
    @Test(arguments: [
        ("[::1]", "::1", "a loopback address"), ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1", "a loopback address"),
        ("0.0.0.0", "0.0.0.0", "an unspecified (\"this network\") address"),
    ])
    func otherFormsOfThisHostAreRefused(host: String, address: String, kind: String) async throws {
        try await withHookServer { server, client in
            let result = await webhookTransport(client, policy: WebhookAddressPolicy()).send(
                "http://\(host):\(server.port)/hook?id=form")
            let error = try #require(permanentError(result))
            #expect(error.contains("\(host) resolves to \(address), \(kind)"))
            let log = try await server.hookLog(id: "form", client: client)
            #expect(log.isEmpty)
        }
    }

    /// curl resolves `localhost` to 127.0.0.1 and ::1. With only 127.0.0.1/32 allowed, ::1 is
    /// refused and the alert goes over 127.0.0.1.
    @Test func hostWithARefusedAndAnAllowedAddressUsesTheAllowedOne() async throws {
        try await withHookServer { server, client in
            let result = await webhookTransport(client).send("http://localhost:\(server.port)/hook?id=mixed")
            #expect(result == .delivered(detail: "HTTP 200"))
            let log = try await server.hookLog(id: "mixed", client: client)
            #expect(log.count == 1)
        }
    }

    /// ... and when nothing listens on the allowed address, that is an ordinary, retryable
    /// connect failure, not a refusal (which would give the delivery up for good).
    @Test func allowedAddressThatIsDownIsRetriedNotRefused() async throws {
        let port = try closedLocalPort()
        try await withHookServer { _, client in
            let result = await webhookTransport(client).send("http://localhost:\(port)/hook")
            guard case .retry(let error, nil) = result else { throw GuardTestFailure.unexpected(result) }
            #expect(error.hasPrefix("cannot connect to localhost:\(port): "))
        }
    }

    /// The shared client keeps connections open: a feed poll or probe of the same host and port
    /// leaves one that curl reuses without opening a socket. The check before sending catches it.
    @Test func connectionLeftOpenByAnUnguardedTransferIsNotReused() async throws {
        try await withHookServer { server, client in
            let opener = try await client.perform(CurlRequest(url: server.url("/hookcount")))
            #expect(opener.statusCode == 200)
            let result = await webhookTransport(client, policy: WebhookAddressPolicy()).send(server.url("/hook?id=reused"))
            #expect(permanentError(result)?.contains("127.0.0.1 resolves to 127.0.0.1, a loopback address") == true)
            let log = try await server.hookLog(id: "reused", client: client)
            #expect(log.isEmpty)
        }
    }
}
