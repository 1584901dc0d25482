import Compose
import Foundation
import Testing
import TestSupport
import VarselModel

/// Untrusted text with CR/LF (a notice title, a subscriber name) must never become a header of
/// its own. The parsers collapse a title to one line, but Compose must not rely on that (a
/// status-page JSON title or a future source might not), so it gets the raw line breaks here.
@Suite struct HeaderInjectionTests {
    static let hostileTitle = "Drift\r\nBcc: evil@example.com\r\n\r\nInjected body"

    private func hostileContext() -> AlertContext {
        var entry = AlertFixtures.inntektEntry
        entry.title = Self.hostileTitle
        return AlertFixtures.context(
            entry: entry, kind: .change, apis: ["inntekt"], subscriberName: "Oslo\r\nBcc: evil@example.com")
    }

    @Test func titleAndNameWithCRLFAddNoMailHeader() throws {
        let composer = try Composer(templatesDirectory: AlertFixtures.templates, apiNames: ["inntekt": "Inntekt API"])
        let mail = try composer.email(for: hostileContext(), settings: AlertFixtures.settings, date: AlertFixtures.sendDate)
        let text = String(decoding: mail.data, as: UTF8.self)
        let head = try #require(text.components(separatedBy: "\r\n\r\n").first)
        // Every header line is a field of ours or a folded continuation; none is Bcc.
        let ours: Set<String> = [
            "date", "from", "to", "subject", "message-id", "in-reply-to", "references", "mime-version", "content-type",
            "auto-submitted", "x-varselvakt-idempotency-key", "x-varselvakt-notice",
        ]
        for line in head.components(separatedBy: "\r\n") where !line.hasPrefix(" ") {
            let name = line.prefix { $0 != ":" }.lowercased()
            #expect(ours.contains(name), "unexpected header line: \(line)")
        }
        let reader = MailReader(mail.data)
        #expect(reader.header("Bcc") == nil)
        #expect(reader.header("Subject")?.contains("Bcc: evil@example.com") == true)
        #expect(reader.rawHeader("Subject")?.contains("evil") == false, "the title travels encoded, not as header text")
    }

    @Test func titleWithCRLFIsJSONEscapedInTheWebhookBody() throws {
        let composer = try Composer(templatesDirectory: AlertFixtures.templates, apiNames: ["inntekt": "Inntekt API"])
        let body = try composer.webhookBody(for: hostileContext())
        // JSON never carries a raw CR (its escapes are "\r"); the line break stays inside the string.
        #expect(!body.contains(13))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        let notice = try #require(json["notice"] as? [String: Any])
        #expect(notice["title"] as? String == Self.hostileTitle)
    }
}
