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
        let rig = try DeliveryRig { receiver in
            """
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
        }
        defer { rig.stop() }
        let rows = try await rig.sandbox.alertAndDeliver()
        let allowed = try #require(rows.first { $0.planned.subscriberID.rawValue == "allowed" })
        let refused = try #require(rows.first { $0.planned.subscriberID.rawValue == "refused" })
        #expect(allowed.status == .sent)
        #expect(refused.status == .dead && refused.attempts == 1)
        #expect(
            refused.lastError?.contains(
                "[::1] resolves to ::1, a loopback address; allow it with [delivery] allow_private_webhooks") == true)
        #expect(try await rig.receiver.hookLog(id: "allowed", client: rig.client).count >= 1)
        #expect(try await rig.receiver.hookLog(id: "refused", client: rig.client).isEmpty)
    }
}
