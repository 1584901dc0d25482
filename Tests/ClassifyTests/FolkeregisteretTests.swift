import VarselConfig
import Classify
import Foundation
import Testing
import VarselModel

/// Items of Folkeregisteret's RSS feed (fixtures/feeds/folkeregisteret-rss-2026-07-07-1158.xml):
/// no categories; the feed is about Folkeregisteret, so `feedAPIs` = ["folkeregisteret"].
@Suite struct FolkeregisteretTests {
    let classifier = Classifier(catalog: TestCatalog.catalog, lexicon: ConfigLoader.builtInLexicon)

    func classify(_ title: String, _ description: String, _ pubDate: String) -> Classification {
        classifier.classify(
            ClassificationInput(
                title: title, contentText: description, published: rfc822(pubDate), feedAPIs: ["folkeregisteret"]))
    }

    @Test func driftsmeldingAnnouncingVedlikeholdIsMaintenanceWithTheWindowFromTheText() throws {
        let result = classify(
            "Driftsmelding - 04.10.2023",
            "Varsel om nødvendig vedlikehold. Rettighetspakke Finans vil være utilgjengelige torsdag 05.10.2023 i tidsrommet mellom kl. 18:00 og kl. 19.00.",
            "Wed, 04 Oct 2023 11:45:00 GMT")
        #expect(result.kind == .maintenance)
        #expect(result.apis == ["folkeregisteret"])
        #expect(result.scope == .apis)
        let window = try #require(result.maintenanceWindow)
        #expect(window.start == utc("2023-10-05T16:00:00Z"))  // October: UTC+2
        #expect(window.end == utc("2023-10-05T17:00:00Z"))
    }

    @Test func stillUnavailableAfterVedlikeholdIsAnIncident() {
        let result = classify(
            "Oppdatert Driftsmelding - 05.10.2023",
            "Rettighetspakke Finans er fremdeles utilgjengelige etter varslet vedlikehold. Det jobbes med å løse problemet.",
            "Thu, 05 Oct 2023 21:37:00 GMT")
        #expect(result.kind == .incident)
        #expect(result.maintenanceWindow == nil)
    }

    @Test func normalDriftAndLØSTAreResolved() {
        #expect(
            classify(
                "Normal drift - 05.10.2023", "Rettighetspakke Finans er nå tilgjengelig etter vedlikehold.",
                "Thu, 05 Oct 2023 23:10:00 GMT"
            ).kind
                == .resolved)
        #expect(
            classify(
                "Manglende oppdatering av rettighetspakke - LØST",
                "STATUS: LØST I forbindelse med migrering som var er det dessverre oppdaget en del feil ved distribusjon til rettighetspakken.",
                "Thu, 18 Oct 2018 09:23:00 GMT"
            ).kind == .resolved)
        #expect(
            classify(
                "Driftsproblemer 11.06.2024 løst", "Problemene med våre tjenester er nå løst.", "Tue, 11 Jun 2024 13:35:00 GMT"
            ).kind
                == .resolved)
    }

    @Test func labelTitleWithNormalDriftInTheTextIsResolved() {
        let result = classify(
            "Driftsmelding - 17.10.2023",
            "Har vært en kort stopp i Skatteetatens tjenester for Folkeregisteret. Det var et avbrudd tirsdag 17.10.23. kl. 13.02 - 13.11. Vi beklager dette. Vi skal nå ha normal drift.",
            "Tue, 17 Oct 2023 13:45:00 GMT")
        #expect(result.kind == .resolved)
        #expect(result.apis == ["folkeregisteret"])
    }

    @Test func problemsTitleIsResolvedWhenTheTextSaysItIsAlreadyFixed() {
        // A report written after the fix is not an alarm: "Feilen er nå løst" wins over the
        // title's "Driftsproblemer" (KindRules step 6).
        let result = classify(
            "Driftsmelding - Driftsproblemer 15.08.2024",
            "Det har vært driftsproblemer for skatteetatens tjenester i dag. Feilen er nå løst. Feilen varte mellom kl 09:45 og kl 11:35",
            "Thu, 15 Aug 2024 10:55:00 GMT")
        #expect(result.kind == .resolved)
    }

    @Test func ourServicesInFolkeregisteretsFeedMeansFolkeregisteret() {
        let result = classify(
            "Driftsmelding - Driftsproblemer 11.06.2024",
            "Det er for tiden problemer med tjenestene våre. Feilsøking pågår. Feil Oppsto ca: 10:11",
            "Tue, 11 Jun 2024 10:51:00 GMT")
        #expect(result.kind == .incident)
        #expect(result.apis == ["folkeregisteret"])
        #expect(result.scope == .apis)
    }

    @Test func skatteetatenWideProblemsReachEveryone() {
        let result = classify(
            "Driftsproblemer på flere av Skatteetatens systemer 08.11.2023",
            "Vi har driftsproblemer på en rekke av Skatteetatens systemer og applikasjoner. Saken har høyeste prioritert, og det jobbes med å få dette løst.",
            "Wed, 08 Nov 2023 12:32:00 GMT")
        #expect(result.kind == .incident)
        #expect(result.scope == .all)
        let resolved = classify(
            "Normal drift på Skatteetaten sine tjenester.", "Systemer og tjenester skal nå fungere igjen.",
            "Tue, 28 Nov 2023 12:10:00 GMT")
        #expect(resolved.kind == .resolved)
        #expect(resolved.scope == .all)
    }

    @Test func aFaultLocatedInSkatteetatenOrAllItsSolutionsReachesEveryoneEvenInAnAPIsOwnFeed() {
        // Scope words: "<something>problemer i Skatteetaten", "samtlige løsninger/systemer",
        // "Skatteetatens systemer/løsninger" in any inflection.
        for text in [
            "Vi har serverproblemer i Skatteetaten. Vi jobber med saken.",
            "Det er ustabilitet i samtlige systemer hos oss. Vi jobber med saken.",
            "Skatteetatens løsning for pålogging og Skatteetatens systemet for oppslag er ustabile.",
        ] {
            let result = classify("Driftsproblemer 02.12.2026", text, "Wed, 02 Dec 2026 09:00:00 GMT")
            #expect(result.scope == .all, "\(text)")
        }
        // The singular "Skatteetatens tjeneste" names one service, not the agency: the feed's own API.
        let one = classify(
            "Påloggingsproblemer", "Det er problemer med å logge på Skatteetatens tjeneste Oppslag.",
            "Wed, 02 Dec 2026 09:00:00 GMT")
        #expect(one.scope == .apis)
        #expect(one.apis == ["folkeregisteret"])
    }

    @Test func aProblemSaidToBeFixedByNowIsResolved() {
        for text in ["Feilen skal nå være rettet.", "Problemet antas å være løst.", "Det skal nå være utbedret."] {
            let result = classify("Driftsproblemer 02.12.2026", text, "Wed, 02 Dec 2026 12:00:00 GMT")
            #expect(result.kind == .resolved, "\(text)")
        }
    }

    @Test func avlystCancelsTheRestOfTheTitle() {
        let result = classify(
            "AVLYST!! Varsling vedlikehold mandag 29.04.2019",
            "AVLYST!! Periode: mandag 29.04.2019 kl 20 til tirsdag 30.04.2019 kl 08:00. Det må gjøres en migrering til register.",
            "Mon, 29 Apr 2019 06:50:00 GMT")
        #expect(result.kind == .cancelled)
        #expect(result.cancels == "Varsling vedlikehold mandag 29.04.2019")
        let meeting = classify(
            "Informasjonsmøte for systemleverandører avlyses",
            "Modernisering av Folkeregisteret har besluttet at det planlagte systemleverandørmøte 26. mars 2020 avlyses p.g.a koronaviruset.",
            "Tue, 17 Mar 2020 00:00:00 GMT")
        #expect(meeting.kind == .cancelled)
        #expect(meeting.cancels == "Informasjonsmøte for systemleverandører")
    }

    static let windows: [(title: String, description: String, pubDate: String, start: String, end: String?)] = [
        (
            "Driftsmelding - Planlagt vedlikehold Torsdag 30.11.2023",
            "En av forrige ukes oppgraderinger ble ikke ferdigstilt og måtte delvis rulles tilbake. Viser til forrige varsel om vedlikehold 22.11.23. Oppgraderingen vil medføre at samtlige rettighetspakker være nede fra 22:00 til 24:00 torsdag 30. november.",
            "Tue, 28 Nov 2023 09:40:00 GMT", "2023-11-30T21:00:00Z", "2023-11-30T23:00:00Z"
        ),
        (
            "Planlagt vedlikehold onsdag 22.11.23",
            "På grunn av nødvendig oppgradering vil samtlige rettighetspakker være nede fra 20:00 - 22:00 onsdag 22. november.",
            "Tue, 14 Nov 2023 14:30:00 GMT", "2023-11-22T19:00:00Z", "2023-11-22T21:00:00Z"
        ),
        (
            "Vedlikehold 25 januar 2023",
            "Det er utføres planlagt vedlikehold onsdag 25. januar kl 22:00 - torsdag 26. januar kl 04:00. Vedlikeholdet skal ikke medføre nedetid, men noe ustabilitet og økt responstid kan forekomme.",
            "Mon, 23 Jan 2023 11:00:00 GMT", "2023-01-25T21:00:00Z", "2023-01-26T03:00:00Z"
        ),
        (
            "Driftsvedlikehold utsatt til - 28.09.2023",
            "Utsetter dagens vedlikehold torsdag 21.09.23. på Rettighetspakke Offentlig uten hjemmel. Dette vil bli utført torsdag 28.09.23. Vil føre til utilgjengeligher i tidsrommet kl. 18:00 - 18:30.",
            "Thu, 21 Sep 2023 10:10:00 GMT", "2023-09-28T16:00:00Z", "2023-09-28T16:30:00Z"
        ),
        (
            "Nedetid for produsenter av folkeregistere 23.11.23.",
            "Torsdag 23. november blir det nedetid for produsentene av informasjon til folkeregisteret i to perioder. Kl. 00:00-02:00, og kl. 18:00-20:00 vil ikke mottaket av meldinger være tilgjengelig.",
            "Tue, 21 Nov 2023 13:45:00 GMT", "2023-11-22T23:00:00Z", "2023-11-23T01:00:00Z"
        ),
        (
            "Folkeregisteret blir utilgjengelig fra kl.18-20 i kveld 08.03.2021",
            "Pga vedlikehold blir Folkeregisteret utilgjengelig fra kl.18:00 - 20:00 i kveld. Vi beklager kort varsel.",
            "Mon, 08 Mar 2021 16:00:00 GMT", "2021-03-08T17:00:00Z", "2021-03-08T19:00:00Z"
        ),
        (
            "Driftsmelding - Vedlikehold onsdag 23.november kl.21:00",
            "Skatteetaten skal migrere ytre brannmur til ny maskinvare. Dette vil ved migreringstidspunktet medføre ca 5 minutters nedetid. Nedetiden er planlagt fra kl 21:00 på onsdag 23. november og vil påvirke alle tjenester mot samarbeidspartnere.",
            "Thu, 17 Nov 2022 10:15:00 GMT", "2022-11-23T20:00:00Z", nil
        ),
    ]

    @Test func maintenanceItemsGetTheirExactWindows() throws {
        for item in Self.windows {
            let result = classify(item.title, item.description, item.pubDate)
            #expect(result.kind == .maintenance, "\(item.title)")
            if item.description.contains("alle tjenester mot samarbeidspartnere") {
                // Skatteetaten's outer firewall: every service, not only Folkeregisteret.
                #expect(result.scope == .all, "\(item.title)")
            } else {
                #expect(result.apis == ["folkeregisteret"], "\(item.title)")
            }
            let window = try #require(result.maintenanceWindow, "\(item.title)")
            #expect(window.start == utc(item.start), "\(item.title)")
            #expect(window.end == item.end.map(utc), "\(item.title)")
        }
    }
}
