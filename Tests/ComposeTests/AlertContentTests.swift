import Compose
import Foundation
import Testing
import TestSupport
import VarselModel

/// What the reader sees: greeting, title, window, changes, footer, escaping.
@Suite struct AlertContentTests {
    let composer: Composer

    init() throws {
        composer = try Composer(templatesDirectory: AlertFixtures.templates, apiNames: ["inntekt": "Inntekt API"])
    }

    func parts(_ context: AlertContext) throws -> (subject: String, text: String, html: String) {
        let mail = try composer.email(for: context, settings: AlertFixtures.settings, date: AlertFixtures.sendDate)
        let reader = MailReader(mail.data)
        return (try #require(reader.header("Subject")), try #require(reader.part("text/plain")), try #require(reader.part("text/html")))
    }

    @Test func bothPartsGreetTheSubscriberAndShowTheNotice() throws {
        let (_, text, html) = try parts(AlertFixtures.context(entry: AlertFixtures.inntektEntry, kind: .change, apis: ["inntekt"]))
        for body in [text, html] {
            #expect(body.contains("Hei, Oslo kommune!"))
            #expect(body.contains("Årsrevisjon – Flere endringer i Inntekt API fra 2024"))
            #expect(body.contains("Inntekt API"))
            #expect(body.contains(AlertFixtures.inntektEntry.link!))
            #expect(body.contains("KS varselvakt"))
        }
        #expect(text.contains("pleiepengerTilFiskerSomBareHarHyre sykepengerTilFiskerSomBareHarHyre X X"))
        // The sanitized HTML goes in as markup, not as escaped text.
        #expect(html.contains("<td>pleiepengerTilFiskerSomBareHarHyre</td>"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!text.contains("{{") && !html.contains("{{"))
    }

    @Test func htmlPartEscapesAScriptTitleWhileTextKeepsItLiteral() throws {
        var entry = AlertFixtures.inntektEntry
        entry.title = "Nedetid <script>alert(\"x\")</script> & Restanser API"
        entry.contentHTML = ""
        let (subject, text, html) = try parts(AlertFixtures.context(entry: entry, kind: .incident, apis: ["restanser"]))
        #expect(subject == "[Skatteetaten] Nedetid <script>alert(\"x\")</script> & Restanser API")
        #expect(text.contains("Nedetid <script>alert(\"x\")</script> & Restanser API"))
        #expect(!text.contains("&lt;") && !text.contains("&amp;"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("Nedetid &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Restanser API"))
    }

    @Test func nonWebLinkIsNotOfferedAsALink() throws {
        var entry = AlertFixtures.inntektEntry
        entry.link = "javascript:alert(1)"
        let (_, text, html) = try parts(AlertFixtures.context(entry: entry))
        #expect(!html.contains("javascript:"))
        #expect(!text.contains("javascript:"))
    }

    @Test func winterMaintenanceWindowIsShownInOsloTimeUTCPlusOne() throws {
        // 17:00–21:00 UTC on 16 November 2023 is 18.00–22.00 in Oslo (CET).
        let (subject, text, html) = try parts(AlertFixtures.maintenance())
        #expect(text.contains("Tidsrom: torsdag 16. november 2023 kl. 18.00–22.00"))
        #expect(text.contains("Skatteetaten varsler planlagt vedlikehold torsdag 16. november 2023 kl. 18.00–22.00."))
        #expect(html.contains("torsdag 16. november 2023 kl. 18.00–22.00"))
        #expect(subject.hasSuffix("(16.11.2023 kl. 18.00–22.00)"))
    }

    @Test func summerMaintenanceWindowIsShownInOsloTimeUTCPlusTwo() throws {
        // "Varsel om vedlikehold torsdag 15. juni 2023 ... fra kl. 18.00 til kl. 19.00": 16:00–17:00 UTC (CEST).
        let window = MaintenanceWindow(start: AlertFixtures.date("2023-06-15T16:00:00Z"), end: AlertFixtures.date("2023-06-15T17:00:00Z"))
        let (subject, text, _) = try parts(AlertFixtures.maintenance(window: window))
        #expect(text.contains("Tidsrom: torsdag 15. juni 2023 kl. 18.00–19.00"))
        #expect(subject.hasSuffix("(15.6.2023 kl. 18.00–19.00)"))
    }

    @Test func windowAcrossMidnightAndOpenEndedWindowAreWrittenOut() throws {
        let overnight = MaintenanceWindow(start: AlertFixtures.date("2023-04-29T20:00:00Z"), end: AlertFixtures.date("2023-04-30T04:00:00Z"))
        #expect(try parts(AlertFixtures.maintenance(window: overnight)).text.contains(
            "Tidsrom: lørdag 29. april 2023 kl. 22.00 – søndag 30. april 2023 kl. 06.00"))
        let open = MaintenanceWindow(start: AlertFixtures.date("2023-04-13T16:00:00Z"), end: nil)
        #expect(try parts(AlertFixtures.maintenance(window: open)).text.contains("Tidsrom: torsdag 13. april 2023 fra kl. 18.00"))
    }

    @Test func unparsedWindowShowsTheRawText() throws {
        let (subject, text, html) = try parts(AlertFixtures.maintenance(window: nil))
        #expect(text.contains("Tidsrom (slik Skatteetaten skrev det): torsdag 16.november"))
        #expect(text.contains("Tidspunktet kunne ikke leses automatisk"))
        #expect(html.contains("torsdag 16.november (slik Skatteetaten skrev det)"))
        #expect(subject == "[Skatteetaten] Planlagt vedlikehold torsdag 16.november kl. 18.00 til kl. 22.00")
    }

    @Test func changedAlertShowsOldAndNewText() throws {
        // folkeregisteret-rss-2018-07: the same outage notice, first "så snart som mulig", then "innen kl 10:00".
        let before = FeedEntry(
            id: "https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/driftsstatus/2018-07-04-Ustabilitet-freg",
            title: "Pga feil i sentral infrastruktur er FREG ustabilt",
            contentText: "Pga feil i sentral infrastruktur i Skatteetaten vil produsent og konsument tjenestester oppleve ustabilitet.\nDet jobbes med saken og man forventer at feilen blir rettet så snart som mulig")
        var after = before
        after.contentText = "Pga feil i sentral infrastruktur i Skatteetaten vil produsent og konsument tjenestester oppleve ustabilitet.\nDet jobbes med saken og man forventer at feilen er rettet innen kl 10:00"
        let (subject, text, html) = try parts(AlertFixtures.context(entry: after, previous: before, change: .changed, kind: .incident, isFollowUp: true))
        #expect(subject == "[Skatteetaten] Oppdatert: Pga feil i sentral infrastruktur er FREG ustabilt")
        #expect(text.contains("- Det jobbes med saken og man forventer at feilen blir rettet så snart som mulig\n+ Det jobbes med saken og man forventer at feilen er rettet innen kl 10:00"))
        #expect(text.contains("  Pga feil i sentral infrastruktur i Skatteetaten"))
        #expect(!text.contains("Tittel før"))
        #expect(html.contains("<del>Det jobbes med saken og man forventer at feilen blir rettet så snart som mulig</del>"))
        #expect(html.contains("Det jobbes med saken og man forventer at feilen er rettet innen kl 10:00</ins>"))
    }

    @Test func changedTitleIsShownBeforeAndAfter() throws {
        let (_, text, _) = try parts(
            AlertFixtures.context(
                entry: AlertFixtures.rettighetspakkeAfter, previous: AlertFixtures.rettighetspakkeBefore, change: .changed,
                kind: .resolved, isFollowUp: true))
        #expect(text.contains("Tittel før: Manglende oppdatering av rettighetspakke\nTittel nå:  Manglende oppdatering av rettighetspakke - LØST"))
        #expect(text.contains("+ STATUS: LØST"))
        // The unchanged second paragraph is left out of the diff but stays in the full text below it.
        let diff = try #require(text.components(separatedBy: "Slik lyder varselet nå:").first)
        #expect(!diff.contains("Feilen medfører"))
        #expect(text.contains("Feilen medfører at man ikke får oppdatert rettighetspakken"))
    }

    @Test func changedAlertWithoutThePreviousVersionSaysSo() throws {
        var context = AlertFixtures.context(
            entry: AlertFixtures.rettighetspakkeAfter, previous: AlertFixtures.rettighetspakkeBefore, change: .changed, kind: .resolved)
        context.previousVersion = nil
        #expect(try parts(context).text.contains("Forrige versjon er ikke lagret"))
    }

    @Test func cancellationNamesTheCancelledNotice() throws {
        let (subject, text, html) = try parts(
            AlertFixtures.context(
                entry: AlertFixtures.cancellationEntry, kind: .cancelled, apis: ["skattemelding"],
                cancelledTitle: "Varsel om vedlikehold torsdag 15. juni 2023"))
        #expect(subject == "[Skatteetaten] Avlyst: Varsel om vedlikehold torsdag 15. juni 2023")
        #expect(text.contains("dette varselet utgår: «Varsel om vedlikehold torsdag 15. juni 2023»"))
        #expect(html.contains("utgår: «Varsel om vedlikehold torsdag 15. juni 2023»"))
    }

    @Test func withdrawnAndReappearedAlertsSaySo() throws {
        let withdrawn = try parts(AlertFixtures.context(entry: AlertFixtures.inntektEntry, change: .withdrawn, kind: .change))
        #expect(withdrawn.subject == "[Skatteetaten] Trukket tilbake: Årsrevisjon – Flere endringer i Inntekt API fra 2024")
        #expect(withdrawn.text.contains("Skatteetaten har trukket tilbake dette driftsvarselet"))
        #expect(withdrawn.text.contains("Vi har om endringer i Inntekt API fra 2024"))
        let back = try parts(AlertFixtures.context(entry: AlertFixtures.inntektEntry, change: .reappeared, kind: .change))
        #expect(back.subject == "[Skatteetaten] Publisert igjen: Årsrevisjon – Flere endringer i Inntekt API fra 2024")
        #expect(back.text.contains("er publisert igjen"))
    }

    @Test func footerSaysWhyTheReaderGetsItAndWhoSendsIt() throws {
        let named = try parts(AlertFixtures.context(entry: AlertFixtures.inntektEntry, apis: ["inntekt"], reason: "api:inntekt"))
        #expect(named.text.contains("Du får denne e-posten fordi dere abonnerer på Inntekt API."))
        #expect(named.html.contains("Du får denne e-posten fordi dere abonnerer på Inntekt API."))
        let plain = try Composer(templatesDirectory: AlertFixtures.templates)
        let mail = try plain.email(
            for: AlertFixtures.context(entry: AlertFixtures.inntektEntry, reason: "api:inntekt"), settings: AlertFixtures.settings,
            date: AlertFixtures.sendDate)
        let text = try #require(MailReader(mail.data).part("text/plain"))
        #expect(text.contains("fordi dere abonnerer på inntekt."))
        #expect(text.contains("sendt automatisk av KS varselvakt"))
        let vendor = try parts(AlertFixtures.context(entry: AlertFixtures.inntektEntry, reason: "for:0301"))
        #expect(vendor.text.contains("fordi dere handler på vegne av kommune 0301."))
        let all = try parts(AlertFixtures.context(entry: AlertFixtures.inntektEntry, reason: "all"))
        #expect(all.text.contains("fordi dere abonnerer på alle varsler."))
    }

    @Test func kSupportIsToldWhyAStormAlertIsTheOnlyOne() throws {
        let storm = try parts(AlertFixtures.context(entry: AlertFixtures.inntektEntry, reason: "storm:412"))
        #expect(storm.text.contains("kilden ga 412 varslingsverdige endringer i én henting (varselstorm)"))
        #expect(storm.text.contains("ingen av dem sendes til kommuner eller leverandører"))
    }

    @Test func scopeAllAndUnknownAreSpelledOut() throws {
        #expect(try parts(AlertFixtures.maintenance()).text.contains("Gjelder: alle Skatteetatens tjenester"))
        #expect(try parts(AlertFixtures.context(entry: AlertFixtures.inntektEntry)).text.contains(
            "Gjelder: uklart, varselet nevner ikke noe API vi kjenner"))
    }
}
