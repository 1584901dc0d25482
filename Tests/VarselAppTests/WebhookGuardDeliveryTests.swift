import Curl
import Foundation
import NoticeStore
import TestSupport
import Testing
import VarselModel

/// The SSRF guard through the whole daemon path. The sandbox's config allows exactly
/// `127.0.0.1/32` (`[delivery] allow_private_webhooks`): a webhook to the receiver there is
/// delivered, one to the same receiver over IPv6 loopback (`[::1]`, not allowed) is dead at once
/// with an error that says why, and nothing reaches the receiver for it.
@Suite struct WebhookGuardDeliveryTests {
    @Test func webhookOutsideTheAllowListIsDeadWithTheGuardsErrorWhileAllowedOneIsDelivered() async throws {
        let receiver = try LocalHTTPServer()
        let client = CurlClient()
        defer {
            client.shutdown()
            receiver.stop()
        }
        let subscribers = """
            [[subscriber]]
            id = "allowed"
            kind = "vendor"
            name = "Lokal AS"
            org_number = "912345688"
            apis = ["folkeregisteret"]
            [subscriber.webhook]
            url = "\(receiver.url("/hook?id=allowed"))"
            secret = "a"

            [[subscriber]]
            id = "refused"
            kind = "vendor"
            name = "Intern AS"
            org_number = "974760673"
            apis = ["folkeregisteret"]
            [subscriber.webhook]
            url = "http://[::1]:\(receiver.port)/hook?id=refused"
            secret = "b"
            """
        let sandbox = try Sandbox(subscribers: subscribers)
        defer { sandbox.remove() }
        try sandbox.serve(Fixtures.folkeregisteret("2026-07-03"))
        _ = try await sandbox.poll()
        try sandbox.serve(Fixtures.folkeregisteret("2026-07-07-1158"))
        _ = try await sandbox.poll()
        let rows = try await AlertDeliveryTests().deliverAll(sandbox)
        let allowed = try #require(rows.first { $0.planned.subscriberID.rawValue == "allowed" })
        let refused = try #require(rows.first { $0.planned.subscriberID.rawValue == "refused" })
        #expect(allowed.status == .sent)
        #expect(refused.status == .dead && refused.attempts == 1)
        #expect(
            refused.lastError?.contains(
                "[::1] resolves to ::1, a loopback address; allow it with [delivery] allow_private_webhooks") == true)
        #expect(try await receiver.hookLog(id: "allowed", client: client).count >= 1)
        #expect(try await receiver.hookLog(id: "refused", client: client).isEmpty)
    }
}
