import Compose
import TestSupport
import Testing
import VarselModel

/// The footer's reason for a platform notice (routing's "platform:<id>"), in Norwegian.
@Suite struct PlatformReasonTests {
    @Test func platformReasonSaysTheNoticeConcernsAPlatformTheirAPIsNeed() throws {
        let composer = try Composer(templatesDirectory: AlertFixtures.templates, apiNames: ["maskinporten": "Maskinporten"])
        func text(_ reason: String) throws -> String {
            let mail = try composer.email(
                for: AlertFixtures.context(entry: AlertFixtures.inntektEntry, reason: reason), settings: AlertFixtures.settings,
                date: AlertFixtures.sendDate)
            return try #require(MailReader(mail.data).part("text/plain"))
        }
        #expect(
            try text("platform:maskinporten").contains(
                "fordi varselet gjelder Maskinporten, som API-ene dere får varsler om krever."))
        #expect(
            try text("for:0301,platform:maskinporten").contains(
                "fordi dere handler på vegne av kommune 0301 og varselet gjelder Maskinporten, som API-ene dere får varsler om krever."
            ))
    }
}
