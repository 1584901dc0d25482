import Curl
import Delivery
import Foundation
import NoticeStore
import Testing
import TestSupport
import VarselApp
import VarselModel

/// The whole way from a real feed difference to a real mail server and a real webhook receiver:
/// poll, diff, classify, route, outbox, compose, send.
@Suite struct AlertDeliveryTests {
    static func subscribers(_ hook: String) -> String {
        """
        [[subscriber]]
        id = "oslo"
        kind = "municipality"
        name = "Oslo kommune"
        org_number = "974760673"
        municipality_number = "0301"
        emails = ["drift@oslo.example", "skatt@oslo.example"]
        apis = ["folkeregisteret"]
        [subscriber.webhook]
        url = "\(hook)"
        secret = "oslo-hemmelighet"

        [[subscriber]]
        id = "bergen"
        kind = "municipality"
        name = "Bergen kommune"
        org_number = "964338531"
        municipality_number = "4601"
        emails = ["drift@bergen.example"]
        apis = ["folkeregisteret"]
        kinds = ["incident"]

        [[subscriber]]
        id = "ks"
        kind = "ks"
        name = "KS brukerstøtte"
        org_number = "971032146"
        emails = ["brukerstotte@ks.example"]
        """
    }

    @Test func newNoticeReachesEachMatchingSubscriberOncePerChannel() async throws {
        let rig = try DeliveryRig { Self.subscribers($0.url("/hook?id=oslo")) }
        defer { rig.stop() }
        let (smtp, receiver, client, sandbox) = (rig.smtp, rig.receiver, rig.client, rig.sandbox)
        try sandbox.serve(Fixtures.folkeregisteret("2026-07-03"))
        _ = try await sandbox.poll()
        #expect(try await sandbox.runtime.store.deliveries().isEmpty, "a baseline must alert no one")

        try sandbox.serve(Fixtures.folkeregisteret("2026-07-07-1158"))
        let report = try await sandbox.poll()
        let change = try #require(report.alerting.first)
        #expect(report.alerting.count == 1)
        #expect(try await sandbox.runtime.store.routingNote(change: change.id)?.hasPrefix("2 abonnenter") == true)

        let rows = try await sandbox.deliverAll()
        #expect(rows.count == 3 && rows.allSatisfy { $0.status == .sent && $0.attempts == 1 })
        // Bergen follows incidents only; this is news.
        #expect(!rows.contains { $0.planned.subscriberID.rawValue == "bergen" })

        let mails = try await smtp.messages(atLeast: 2)
        #expect(mails.count == 2)
        let oslo = try #require(mails.first { $0.recipients.contains("drift@oslo.example") })
        #expect(Set(oslo.recipients) == ["drift@oslo.example", "skatt@oslo.example"])
        let message = MailReader(oslo.data)
        let subject = try #require(message.header("Subject"))
        #expect(subject.contains("Ny identitetsgrunnlagstatus og stort antall hendelser fra 01.02.2027"))
        #expect(message.part("text/plain")?.contains("Oslo kommune") == true)
        #expect(message.part("text/html")?.contains("Ny identitetsgrunnlagstatus") == true)
        #expect(message.header("In-Reply-To") == nil)
        #expect(message.header("X-Varselvakt-Idempotency-Key") == rows.first { $0.planned.subscriberID.rawValue == "oslo" && $0.planned.channel == .email }?.planned.idempotencyKey)

        let hooks = try await receiver.hookLog(id: "oslo", client: client)
        let hook = try #require(hooks.first)
        #expect(hooks.count == 1)
        let signature = try #require(hook.header("Varselvakt-Signature"))
        #expect(
            WebhookSignature.verify(
                header: signature, body: hook.bodyBytes, secret: Secret("oslo-hemmelighet"), now: Int(Date().timeIntervalSince1970)))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(hook.bodyBytes)) as? [String: Any])
        #expect(json["event"] as? String == "notice.new")
        #expect((json["notice"] as? [String: Any])?["apis"] as? [String] == ["folkeregisteret"])
    }

    @Test func laterChangeToTheSameNoticeThreadsUnderTheFirstAlert() async throws {
        let smtp = try LocalSMTPServer()
        defer { smtp.stop() }
        let sandbox = try Sandbox(
            subscribers: Self.subscribers("http://127.0.0.1:9/unused").replacingOccurrences(
                of: "[subscriber.webhook]\nurl = \"http://127.0.0.1:9/unused\"\nsecret = \"oslo-hemmelighet\"\n", with: ""),
            extraConfig: """
                [email]
                url = "\(smtp.url)"
                security = "none"
                from = "varselvakt@ks.example"
                """)
        defer { sandbox.remove() }
        _ = try await sandbox.alertAndDeliver()

        // Skatteetaten edits the new notice's text: the same feed with one sentence changed.
        let edited = sandbox.directory.appendingPathComponent("edited.xml")
        let original = try String(contentsOf: Fixtures.folkeregisteret("2026-07-07-1158"), encoding: .utf8)
        let changedText = original.replacingOccurrences(of: "innen 01.10.2026", with: "innen 15.10.2026")
        #expect(changedText != original)
        try changedText.write(to: edited, atomically: true, encoding: .utf8)
        try sandbox.serve(edited)
        let report = try await sandbox.poll()
        #expect(report.alerting.map(\.change) == [.changed])
        _ = try await sandbox.deliverAll()

        let mails = try await smtp.messages(atLeast: 4).filter { $0.recipients.contains("drift@oslo.example") }.map { MailReader($0.data) }
        #expect(mails.count == 2)
        let first = try #require(mails.first { $0.header("In-Reply-To") == nil })
        let second = try #require(mails.first { $0.header("In-Reply-To") != nil })
        #expect(second.header("In-Reply-To") == first.header("Message-ID"))
        #expect(second.header("References") == first.header("Message-ID"))
        #expect(second.header("Message-ID") != first.header("Message-ID"))
        #expect(second.part("text/plain")?.contains("15.10.2026") == true)
    }

    @Test func deadReceiverIsRetriedAndGoneReceiverIsDeadAtOnce() async throws {
        let receiver = try LocalHTTPServer()
        defer { receiver.stop() }
        let subscribers = """
            [[subscriber]]
            id = "flaky"
            kind = "vendor"
            name = "Ustabil AS"
            org_number = "912345688"
            apis = ["folkeregisteret"]
            [subscriber.webhook]
            url = "\(receiver.url("/hook?id=flaky&seq=500,200"))"
            secret = "a"

            [[subscriber]]
            id = "gone"
            kind = "vendor"
            name = "Borte AS"
            org_number = "974760673"
            apis = ["folkeregisteret"]
            [subscriber.webhook]
            url = "\(receiver.url("/hook?id=gone&seq=410"))"
            secret = "b"
            """
        let sandbox = try Sandbox(subscribers: subscribers)
        defer { sandbox.remove() }
        let rows = try await sandbox.alertAndDeliver()
        let flaky = try #require(rows.first { $0.planned.subscriberID.rawValue == "flaky" })
        let gone = try #require(rows.first { $0.planned.subscriberID.rawValue == "gone" })
        #expect(flaky.status == .sent && flaky.attempts == 2 && flaky.lastError?.contains("HTTP 500") == true)
        #expect(gone.status == .dead && gone.attempts == 1 && gone.lastError?.contains("HTTP 410") == true)
    }
}
