import Compose
import Foundation
import Testing
import TestSupport
import VarselModel

/// Message-IDs: updates thread under the first alert, redeliveries are recognisable.
@Suite struct ThreadingTests {
    let composer: Composer

    init() throws {
        composer = try Composer(templatesDirectory: AlertFixtures.templates)
    }

    func email(_ context: AlertContext) throws -> ComposedEmail {
        try composer.email(for: context, settings: AlertFixtures.settings, date: AlertFixtures.sendDate)
    }

    @Test func firstAlertCarriesTheRootIDAndNoReplyHeaders() throws {
        let context = AlertFixtures.context(entry: AlertFixtures.rettighetspakkeBefore, kind: .incident)
        let mail = try email(context)
        let reader = MailReader(mail.data)
        let root = MessageID.root(notice: context.notice.id, subscriber: SubscriberID("974760673"), domain: "varselvakt.ks.no")
        #expect(mail.messageID == root)
        #expect(reader.header("Message-ID") == root)
        #expect(reader.header("In-Reply-To") == nil)
        #expect(reader.header("References") == nil)
    }

    @Test func followUpPointsAtTheRootWithItsOwnID() throws {
        let first = try email(AlertFixtures.context(entry: AlertFixtures.rettighetspakkeBefore, kind: .incident, changeID: 41))
        let update = AlertFixtures.context(
            entry: AlertFixtures.rettighetspakkeAfter, previous: AlertFixtures.rettighetspakkeBefore, change: .changed,
            kind: .resolved, isFollowUp: true, changeID: 42)
        let mail = try email(update)
        let reader = MailReader(mail.data)
        #expect(reader.header("In-Reply-To") == first.messageID)
        #expect(reader.header("References") == first.messageID)
        #expect(mail.messageID != first.messageID)
        #expect(
            mail.messageID
                == MessageID.forDelivery(
                    idempotencyKey: update.delivery.planned.idempotencyKey, subscriber: SubscriberID("974760673"),
                    domain: "varselvakt.ks.no"))
    }

    @Test func sameDeliveryGivesByteIdenticalEmailAndWebhookBody() throws {
        let context = AlertFixtures.context(
            entry: AlertFixtures.rettighetspakkeAfter, previous: AlertFixtures.rettighetspakkeBefore, change: .changed,
            kind: .resolved, isFollowUp: true)
        let other = try Composer(templatesDirectory: AlertFixtures.templates)
        let a = try email(context)
        let b = try other.email(for: context, settings: AlertFixtures.settings, date: AlertFixtures.sendDate)
        #expect(a.data == b.data)
        #expect(try composer.webhookBody(for: context) == other.webhookBody(for: context))
        // Another delivery of a later change is another message in the same thread.
        let later = AlertFixtures.context(
            entry: AlertFixtures.rettighetspakkeAfter, previous: AlertFixtures.rettighetspakkeBefore, change: .changed,
            kind: .resolved, isFollowUp: true, changeID: 43)
        let c = try email(later)
        #expect(c.messageID != a.messageID)
        #expect(MailReader(c.data).header("In-Reply-To") == MailReader(a.data).header("In-Reply-To"))
    }

    @Test func messageIDsUseOnlySafeCharactersEvenForURLsWithSpaces() throws {
        let context = AlertFixtures.context(
            entry: AlertFixtures.cancellationEntry, kind: .cancelled, cancelledTitle: "Varsel om vedlikehold torsdag 15. juni 2023")
        let id = try email(context).messageID
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_=@<>")
        #expect(id.allSatisfy { allowed.contains($0) })
        #expect(id.hasPrefix("<n.") && id.hasSuffix("@varselvakt.ks.no>"))
        // Distinct subscribers and notices give distinct roots; an odd subscriber id stays distinct.
        let a = MessageID.root(notice: NoticeID("x"), subscriber: SubscriberID("a b"), domain: "d.no")
        let b = MessageID.root(notice: NoticeID("x"), subscriber: SubscriberID("a_b"), domain: "d.no")
        let c = MessageID.root(notice: NoticeID("y"), subscriber: SubscriberID("a b"), domain: "d.no")
        #expect(Set([a, b, c]).count == 3)
        #expect(a.allSatisfy { allowed.contains($0) })
    }

    @Test func invalidMessageIDDomainIsRefused() throws {
        let settings = EmailSettings(from: "varselvakt@ks.no", fromName: "KS varselvakt", messageIDDomain: "ks .no")
        let context = AlertFixtures.context(entry: AlertFixtures.inntektEntry)
        #expect(throws: ComposeError.invalidSetting(name: "message_id_domain", value: "ks .no")) {
            try composer.email(for: context, settings: settings, date: AlertFixtures.sendDate)
        }
    }
}
