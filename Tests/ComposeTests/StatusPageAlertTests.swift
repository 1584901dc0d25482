import Compose
import Foundation
import Testing
import TestSupport
import VarselModel

/// Alerts about status-page notices: severity shown, a resolution says "Løst", and a
/// maintenance that is cancelled by completing or vanishing before its window says "Avlyst".
@Suite struct StatusPageAlertTests {
    let composer: Composer

    init() throws {
        composer = try Composer(templatesDirectory: AlertFixtures.templates, apiNames: ["inntekt": "Inntekt API"])
    }

    static let entry = FeedEntry(
        id: "inc0summert1", title: "Feil i Inntekt API", link: "https://status.skatteetaten.example/incidents/inc0summert1",
        contentText: "Løst (07.12.2026 kl. 20:02 norsk tid) - Feilen er rettet.",
        facts: SourceFacts(kind: .resolved, status: "resolved", severity: .major))

    func parts(_ context: AlertContext) throws -> (subject: String, text: String, html: String) {
        let mail = try composer.email(for: context, settings: AlertFixtures.settings, date: AlertFixtures.sendDate)
        let reader = MailReader(mail.data)
        return (try #require(reader.header("Subject")), try #require(reader.part("text/plain")), try #require(reader.part("text/html")))
    }

    func context(change: ChangeType, kind: NoticeKind, severity: Severity?) -> AlertContext {
        var context = AlertFixtures.context(entry: Self.entry, previous: Self.entry, change: change, kind: kind, apis: ["inntekt"])
        context.change.severity = severity
        return context
    }

    @Test func resolvingUpdateIsAnnouncedAsResolvedWithItsSeverity() throws {
        let (subject, text, html) = try parts(context(change: .changed, kind: .resolved, severity: .major))
        #expect(subject == "[Skatteetaten] Løst: Feil i Inntekt API")
        #expect(text.contains("Alvorlighetsgrad: alvorlig"))
        #expect(html.contains("Alvorlighetsgrad</td><td>alvorlig"))
    }

    @Test func otherUpdatesStayUpdatesAndFeedNoticesShowNoSeverity() throws {
        let (subject, text, _) = try parts(context(change: .changed, kind: .incident, severity: nil))
        #expect(subject == "[Skatteetaten] Oppdatert: Feil i Inntekt API")
        #expect(!text.contains("Alvorlighetsgrad"))
    }

    @Test func maintenanceRemovedBeforeItsWindowIsAnnouncedAsCancelled() throws {
        for change in [ChangeType.withdrawn, .changed] {
            let (subject, text, _) = try parts(context(change: change, kind: .cancelled, severity: nil))
            #expect(subject == "[Skatteetaten] Avlyst: Feil i Inntekt API")
            #expect(text.contains("dette varselet utgår: «Feil i Inntekt API»"))
        }
    }
}

extension StatusPageAlertTests {
    @Test func everyAnnouncedWindowIsShownNotOnlyTheFirst() throws {
        let first = MaintenanceWindow(start: AlertFixtures.date("2023-11-22T23:00:00Z"), end: AlertFixtures.date("2023-11-23T01:00:00Z"))
        let second = MaintenanceWindow(start: AlertFixtures.date("2023-11-23T17:00:00Z"), end: AlertFixtures.date("2023-11-23T19:00:00Z"))
        var context = AlertFixtures.context(entry: Self.entry, kind: .maintenance, apis: ["inntekt"], window: first)
        context.notice.classification.maintenanceWindows = [first, second]
        let (_, text, html) = try parts(context)
        #expect(text.components(separatedBy: "Tidsrom: ").count == 3)
        #expect(text.contains("kl. 00.00–02.00") && text.contains("kl. 18.00–20.00"))
        #expect(html.components(separatedBy: ">Tidsrom<").count == 3)
    }
}
