import Compose
import Foundation
import Testing
import TestSupport
import VarselModel

/// One change fanned out to many subscribers is rendered once per reason; each mail must still
/// be exactly what rendering it alone would give.
@Suite struct FanOutRenderingTests {
    func email(_ composer: Composer, name: String, reason: String = "api:inntekt") throws -> [UInt8] {
        let context = AlertFixtures.context(
            entry: AlertFixtures.inntektEntry, kind: .change, apis: ["inntekt"], subscriberName: name, reason: reason)
        return try composer.email(for: context, settings: AlertFixtures.settings, date: AlertFixtures.sendDate).data
    }

    @Test func sharedRenderingGivesTheSameBytesAsRenderingAlone() throws {
        let shared = try Composer(templatesDirectory: AlertFixtures.templates)
        _ = try email(shared, name: "Oslo kommune")
        _ = try email(shared, name: "Bergen kommune", reason: "service:foreldrebetaling")
        let fromShared = try email(shared, name: "Trondheim kommune")
        let alone = try email(Composer(templatesDirectory: AlertFixtures.templates), name: "Trondheim kommune")
        #expect(fromShared == alone)
    }

    @Test func eachSubscriberIsGreetedByItsOwnNameEscapedForHTML() throws {
        let composer = try Composer(templatesDirectory: AlertFixtures.templates)
        let oslo = MailReader(try email(composer, name: "Oslo kommune"))
        let odd = MailReader(try email(composer, name: "Nes & Ås <kommune>"))
        #expect(oslo.part("text/plain")?.contains("Oslo kommune") == true)
        let text = try #require(odd.part("text/plain"))
        let html = try #require(odd.part("text/html"))
        #expect(text.contains("Nes & Ås <kommune>") && !text.contains("Oslo kommune"))
        #expect(html.contains("Nes &amp; Ås &lt;kommune&gt;") && !html.contains("<kommune>"))
        #expect(!text.contains("\u{E000}") && !html.contains("\u{E000}"))
    }

    @Test func theFooterFollowsEachSubscribersReason() throws {
        let composer = try Composer(templatesDirectory: AlertFixtures.templates)
        let direct = MailReader(try email(composer, name: "Oslo kommune", reason: "api:inntekt"))
        let vendor = MailReader(try email(composer, name: "Leverandør AS", reason: "for:0301"))
        #expect(direct.part("text/plain") != nil && direct.part("text/plain")?.contains("0301") == false)
        #expect(vendor.part("text/plain")?.contains("0301") == true)
    }
}
