import Curl
import Foundation
import NoticeStore
import TestSupport
import Testing
import VarselModel

/// A feed title carrying CR/LF (as XML character references, which libxml2 decodes) followed by
/// `Bcc:` goes the whole way to a real SMTP server and a real webhook receiver: neither gets an
/// extra header or recipient, and the text arrives as the title it is.
@Suite struct HeaderInjectionDeliveryTests {
    @Test func hostileTitleAddsNoRecipientMailHeaderOrHTTPHeader() async throws {
        let rig = try DeliveryRig { AlertDeliveryTests.subscribers($0.url("/hook?id=oslo")) }
        defer { rig.stop() }
        let original = try String(contentsOf: Fixtures.folkeregisteret("2026-07-07-1158"), encoding: .utf8)
        let title = "Ny identitetsgrunnlagstatus og stort antall hendelser fra 01.02.2027"
        #expect(original.contains(title))
        let hostile = original.replacingOccurrences(of: title, with: "Drift&#13;&#10;Bcc: evil@example.com&#13;&#10;X-Evil: 1")
        let file = rig.sandbox.directory.appendingPathComponent("hostile.xml")
        try Data(hostile.utf8).write(to: file)
        let rows = try await rig.sandbox.alertAndDeliver(file)
        #expect(!rows.isEmpty && rows.allSatisfy { $0.status == .sent })

        let mails = try await rig.smtp.messages(atLeast: 2)
        let recipients = Set(mails.flatMap(\.recipients))
        // Only configured addresses (which of them depends on how the edited title classifies).
        let configured: Set = ["drift@oslo.example", "skatt@oslo.example", "drift@bergen.example", "brukerstotte@ks.example"]
        #expect(recipients.isSubset(of: configured) && recipients.contains("drift@oslo.example"))
        for mail in mails {
            let reader = MailReader(mail.data)
            #expect(reader.header("Bcc") == nil)
            #expect(reader.header("X-Evil") == nil)
            #expect(reader.header("Subject")?.contains("Drift") == true)
            #expect(reader.header("Subject")?.contains("Bcc: evil@example.com") == true)
        }

        let hook = try #require(try await rig.receiver.hookLog(id: "oslo", client: rig.client).first)
        #expect(hook.header("Bcc") == nil && hook.header("X-Evil") == nil)
        #expect(hook.headers.allSatisfy { pair in !pair.joined().contains("evil") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(hook.bodyBytes)) as? [String: Any])
        let noticeTitle = try #require((json["notice"] as? [String: Any])?["title"] as? String)
        #expect(noticeTitle.contains("Bcc: evil@example.com"))
    }
}
