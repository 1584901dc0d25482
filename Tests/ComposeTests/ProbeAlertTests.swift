import Compose
import Foundation
import Testing
import TestSupport
import VarselModel

/// Alerts varselvakt raises from its own probes use their own wording, never Skatteetaten's.
@Suite struct ProbeAlertTests {
    @Test func probeIncidentUsesTheProbeTemplates() throws {
        let composer = try Composer(templatesDirectory: AlertFixtures.templates, apiNames: ["inntekt": "Inntekt API"])
        let entry = FeedEntry(
            id: "probe:inntekt:production:1700000000", title: "Inntekt API svarer ikke (produksjon)",
            published: AlertFixtures.date("2023-11-14T14:00:00Z"),
            contentText: "varselvakt har ikke fått svar fra https://inntekt.api.skatteetaten.no/v1/ siden kl. 15.00.")
        for change in [ChangeType.new, .changed] {
            let context = AlertFixtures.context(
                entry: entry, previous: change == .changed ? entry : nil, change: change, kind: .incident, apis: ["inntekt"],
                feed: FeedID.probes.rawValue)
            let mail = MailReader(try composer.email(for: context, settings: AlertFixtures.settings, date: AlertFixtures.sendDate).data)
            #expect(mail.header("Subject") == "[varselvakt] Inntekt API svarer ikke (produksjon)")
            let text = try #require(mail.part("text/plain"))
            #expect(text.contains("Dette er ikke et varsel fra Skatteetaten"))
            #expect(text.contains("siden kl. 15.00") && text.contains("Inntekt API"))
            #expect(!text.contains("Skatteetaten har publisert"))
        }
    }
}
