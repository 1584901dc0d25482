import Compose
import Foundation
import Testing
import TestSupport
import VarselModel

/// The message as bytes: what relays and mail clients will insist on.
@Suite struct EmailFormatTests {
    let composer: Composer

    init() throws {
        composer = try Composer(templatesDirectory: AlertFixtures.templates, apiNames: ["inntekt": "Inntekt API"])
    }

    func email(_ context: AlertContext, settings: EmailSettings = AlertFixtures.settings) throws -> ComposedEmail {
        try composer.email(for: context, settings: settings, date: AlertFixtures.sendDate)
    }

    /// Every context the fixtures offer, one per kind of alert.
    var allContexts: [AlertContext] {
        [
            AlertFixtures.context(entry: AlertFixtures.inntektEntry, kind: .change, apis: ["inntekt"]),
            AlertFixtures.maintenance(),
            AlertFixtures.maintenance(window: nil),
            AlertFixtures.context(
                entry: AlertFixtures.cancellationEntry, kind: .cancelled, apis: ["skattemelding"],
                cancelledTitle: "Varsel om vedlikehold torsdag 15. juni 2023"),
            AlertFixtures.context(
                entry: AlertFixtures.rettighetspakkeAfter, previous: AlertFixtures.rettighetspakkeBefore, change: .changed,
                kind: .resolved, apis: ["folkeregisteret"], isFollowUp: true),
            AlertFixtures.context(entry: AlertFixtures.inntektEntry, change: .withdrawn, kind: .change, apis: ["inntekt"]),
            AlertFixtures.context(entry: AlertFixtures.inntektEntry, change: .reappeared, kind: .change, apis: ["inntekt"]),
        ]
    }

    @Test func subjectDecodesBackToTheNorwegianTitle() throws {
        let mail = try email(AlertFixtures.context(entry: AlertFixtures.inntektEntry, kind: .change, apis: ["inntekt"]))
        let reader = MailReader(mail.data)
        #expect(reader.header("Subject") == "[Skatteetaten] Årsrevisjon – Flere endringer i Inntekt API fra 2024")
        #expect(mail.subject == "[Skatteetaten] Årsrevisjon – Flere endringer i Inntekt API fra 2024")
        let raw = try #require(reader.rawHeader("Subject"))
        #expect(raw.hasPrefix("=?UTF-8?B?"))
    }

    @Test func encodedWordsStayWithin75AndHeaderLinesWithin78() throws {
        for context in allContexts {
            let mail = try email(context)
            let text = String(decoding: mail.data, as: UTF8.self)
            let head = try #require(text.components(separatedBy: "\r\n\r\n").first)
            for line in head.components(separatedBy: "\r\n") where !line.hasPrefix("X-Varselvakt-Notice:") {
                #expect(line.utf8.count <= 78, "header line too long: \(line)")
            }
            for word in head.split(whereSeparator: { $0 == " " || $0 == "\r\n" }) where word.hasPrefix("=?") {
                #expect(word.utf8.count <= 75, "encoded-word too long: \(word)")
            }
        }
    }

    @Test func messagesAreSevenBitCRLFWithNoLongLines() throws {
        for context in allContexts {
            let data = try email(context).data
            #expect(data.allSatisfy { $0 < 0x80 }, "8-bit byte in the message")
            for (index, byte) in data.enumerated() {
                if byte == 0x0A { #expect(index > 0 && data[index - 1] == 0x0D, "bare LF at \(index)") }
                if byte == 0x0D { #expect(index + 1 < data.count && data[index + 1] == 0x0A, "bare CR at \(index)") }
            }
            let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines.allSatisfy { $0.utf8.count <= 998 })
            let bodyLines = lines.drop(while: { !$0.isEmpty })
            #expect(bodyLines.allSatisfy { $0.utf8.count <= 76 }, "quoted-printable lines are at most 76")
            #expect(String(decoding: data.suffix(2), as: UTF8.self) == "\r\n")
        }
    }

    @Test func lineBeginningWithDotIsEncodedSoNoRawLineStartsWithADot() throws {
        var entry = AlertFixtures.inntektEntry
        entry.contentText = "Klienter som bruker\n.NET-biblioteket må oppdateres.\n.\nFrom now on"
        entry.contentHTML = ""
        let mail = try email(AlertFixtures.context(entry: entry, kind: .change, apis: ["inntekt"]))
        let lines = String(decoding: mail.data, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.hasPrefix(".") })
        #expect(!lines.contains { $0.hasPrefix("From ") })
        let text = try #require(MailReader(mail.data).part("text/plain"))
        #expect(text.contains("\n.NET-biblioteket må oppdateres.\n.\nFrom now on"))
    }

    @Test func boundaryIsQuotedAndAbsentFromTheParts() throws {
        let mail = try email(AlertFixtures.maintenance())
        let reader = MailReader(mail.data)
        let contentType = try #require(reader.rawHeader("Content-Type"))
        #expect(contentType.hasPrefix("multipart/alternative;"))
        let boundary = try #require(MailReader.boundary(of: contentType))
        let text = String(decoding: mail.data, as: UTF8.self)
        let body = try #require(text.range(of: "\r\n\r\n")).upperBound
        // Two part delimiters and one close delimiter, nothing else.
        #expect(text[body...].components(separatedBy: boundary).count - 1 == 3)
        #expect(text[body...].contains("\r\n--\(boundary)--\r\n"))
        #expect(reader.parts.count == 2)
        #expect(reader.parts.allSatisfy { !$0.body.contains(boundary) })
        #expect(reader.parts[0].headers["content-type"] == "text/plain; charset=utf-8")
        #expect(reader.parts[1].headers["content-type"] == "text/html; charset=utf-8")
    }

    @Test func headersNameSenderRecipientsAndDelivery() throws {
        let context = AlertFixtures.context(entry: AlertFixtures.inntektEntry, kind: .change, apis: ["inntekt"])
        let mail = try email(context)
        let reader = MailReader(mail.data)
        #expect(reader.header("From") == "\"KS varselvakt\" <varselvakt@ks.no>")
        #expect(reader.header("To") == "postmottak@oslo.kommune.no, it-drift@oslo.kommune.no")
        #expect(reader.header("Date") == "Tue, 14 Nov 2023 15:06:00 +0100")
        #expect(reader.header("MIME-Version") == "1.0")
        #expect(reader.header("Auto-Submitted") == "auto-generated")
        #expect(reader.header("X-Varselvakt-Idempotency-Key") == context.delivery.planned.idempotencyKey)
        #expect(reader.header("X-Varselvakt-Notice") == AlertFixtures.inntektEntry.id)
        #expect(mail.recipients == ["postmottak@oslo.kommune.no", "it-drift@oslo.kommune.no"])
        #expect(mail.from == "varselvakt@ks.no")
    }

    @Test func nonASCIISenderNameIsEncodedAndManyRecipientsFold() throws {
        let recipients = (1...20).map { "drift\($0)@kommune\($0).no" }
        let settings = EmailSettings(from: "varselvakt@ks.no", fromName: "KS varselvakt – Kommunesektorens organisasjon", messageIDDomain: "ks.no")
        let mail = try email(AlertFixtures.context(entry: AlertFixtures.inntektEntry, recipients: recipients), settings: settings)
        let reader = MailReader(mail.data)
        #expect(reader.rawHeader("From")?.hasPrefix("=?UTF-8?B?") == true)
        #expect(reader.header("From") == "KS varselvakt – Kommunesektorens organisasjon <varselvakt@ks.no>")
        #expect(reader.header("To") == recipients.joined(separator: ", "))
        let text = String(decoding: mail.data, as: UTF8.self)
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
    }

    @Test func addressThatCouldInjectAHeaderIsRefused() throws {
        let context = AlertFixtures.context(entry: AlertFixtures.inntektEntry, recipients: ["drift@oslo.kommune.no\r\nBcc: x@evil.example"])
        #expect(throws: ComposeError.invalidAddress("drift@oslo.kommune.no\r\nBcc: x@evil.example")) { try email(context) }
        let empty = AlertFixtures.context(entry: AlertFixtures.inntektEntry, recipients: [])
        #expect(throws: ComposeError.noRecipients(deliveryID: 7042)) { try email(empty) }
    }

    @Test func changesThatAreNotAlertedAreRefused() throws {
        for change in [ChangeType.baseline, .expired] {
            let context = AlertFixtures.context(entry: AlertFixtures.inntektEntry, change: change)
            #expect(throws: ComposeError.notAlerting(changeID: 42, change: change.rawValue)) { try email(context) }
            #expect(throws: ComposeError.notAlerting(changeID: 42, change: change.rawValue)) {
                try composer.webhookBody(for: context)
            }
        }
    }
}
