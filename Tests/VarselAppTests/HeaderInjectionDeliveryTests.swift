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
        let smtp = try LocalSMTPServer()
        let receiver = try LocalHTTPServer()
        let client = CurlClient()
        defer {
            client.shutdown()
            receiver.stop()
            smtp.stop()
        }
        let sandbox = try Sandbox(
            subscribers: AlertDeliveryTests.subscribers(receiver.url("/hook?id=oslo")),
            extraConfig: """
                [email]
                url = "\(smtp.url)"
                security = "none"
                from = "varselvakt@ks.example"
                """)
        defer { sandbox.remove() }
        try sandbox.serve(Fixtures.folkeregisteret("2026-07-03"))
        _ = try await sandbox.poll()
        let original = try String(contentsOf: Fixtures.folkeregisteret("2026-07-07-1158"), encoding: .utf8)
        let title = "Ny identitetsgrunnlagstatus og stort antall hendelser fra 01.02.2027"
        #expect(original.contains(title))
        let hostile = original.replacingOccurrences(of: title, with: "Drift&#13;&#10;Bcc: evil@example.com&#13;&#10;X-Evil: 1")
        let file = sandbox.directory.appendingPathComponent("hostile.xml")
        try Data(hostile.utf8).write(to: file)
        try sandbox.serve(file)
        _ = try await sandbox.poll()
        let rows = try await AlertDeliveryTests().deliverAll(sandbox)
        #expect(!rows.isEmpty && rows.allSatisfy { $0.status == .sent })

        let mails = try await smtp.messages(atLeast: 2)
        let recipients = Set(mails.flatMap(\.recipients))
        #expect(recipients == ["drift@oslo.example", "skatt@oslo.example", "brukerstotte@ks.example"])
        for mail in mails {
            let reader = MailReader(mail.data)
            #expect(reader.header("Bcc") == nil)
            #expect(reader.header("X-Evil") == nil)
            #expect(reader.header("Subject")?.contains("Drift") == true)
            #expect(reader.header("Subject")?.contains("Bcc: evil@example.com") == true)
        }

        let hook = try #require(try await receiver.hookLog(id: "oslo", client: client).first)
        #expect(hook.header("Bcc") == nil && hook.header("X-Evil") == nil)
        #expect(hook.headers.allSatisfy { pair in !pair.joined().contains("evil") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(hook.bodyBytes)) as? [String: Any])
        let noticeTitle = try #require((json["notice"] as? [String: Any])?["title"] as? String)
        #expect(noticeTitle.contains("Bcc: evil@example.com"))
    }
}
