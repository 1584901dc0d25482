import VarselConfig
import Classify
import Foundation
import Testing
import VarselModel

/// Kind rules on short real titles, and the failure modes: nothing is ever dropped.
@Suite struct ClassifierTests {
    let classifier = Classifier(catalog: TestCatalog.catalog, lexicon: ConfigLoader.builtInLexicon)

    func kind(_ title: String, _ text: String = "", categories: [String] = [], published: String? = nil) -> NoticeKind {
        classifier.classify(
            ClassificationInput(title: title, contentText: text, categories: categories, published: published.map(utc))
        ).kind
    }

    @Test func nedetidErIGangIsAnIncident() {
        #expect(kind("Nedetid i Restanser API er i gang", categories: ["Drift"]) == .incident)
        // Even when the text gives a window still ahead: "i gang" says it is happening now.
        #expect(
            kind(
                "Nedetid i Restanser API er i gang", "Nedetiden varer til og med fredag 05.01.24.", categories: ["Drift"],
                published: "2024-01-02T10:40:00Z") == .incident)
    }

    @Test func nedetidWithAFutureWindowIsMaintenanceAndWithoutOneAnIncident() {
        #expect(
            kind("Nedetid på Tjenestepensjonsavtale API tirsdag 28.11.23 kl. 09:00", published: "2023-11-27T14:30:00Z")
                == .maintenance)
        #expect(
            kind("Nedetid på Tjenestepensjonsavtale API tirsdag 28.11.23 kl. 09:00", published: "2023-11-29T14:30:00Z")
                == .incident)
        #expect(kind("Nedetid på Aktiv konto API", "Tjenesten er utilgjengelig nå.") == .incident)
    }

    @Test func titleWordsWeighMoreThanBodyWords() {
        #expect(kind("Restanser API er oppe igjen", "Det vil forekomme nedetid senere i uken.") == .resolved)
        #expect(kind("Vi har driftsproblemer", "det jobbes med å få dette løst.") == .incident)
        #expect(kind("Årsrevisjon Inntekt API 2023", "Lønnsbeskrivelser som utgår") == .change)  // "utgår" in the body cancels nothing
    }

    @Test func nyhetTagKeepsBodyIncidentWordsFromMakingNewsAnIncident() {
        let text = "Skatteetaten er i gang med å tilrettelegge for at det skal være mulig å teste."
        #expect(
            kind("Tjenester som støtter nytt Maskinporten-domene i test", text, categories: ["Nyhet", "Maskinporten", "Test"])
                == .news)
        #expect(kind("Tjenester som støtter nytt Maskinporten-domene i test", text, categories: []) == .incident)
    }

    @Test func changeWords() {
        for title in [
            "Overgang til versjon 2 av Beregnet skatt API", "Årsrevisjon – Endring i Inntekt API fra 2024",
            "Skatteetaten får nye URL'er til eksterne api'er", "Sanering av inntektsår 2016 på enkelte skatteoppgjørtjenester",
            "Skatteetaten endrer Swaggerhub URL", "Oppdatert Open API spesifikasjon for Spesifisert summert skattegrunnlag API",
        ] {
            #expect(kind(title, categories: ["Nyhet"]) == .change, "\(title)")
        }
    }

    @Test func unknownWordsAreNewsNeverDropped() {
        let result = classifier.classify(ClassificationInput(title: "Invitasjon til digitalt brukerforum - 20260320"))
        #expect(result.kind == .news)
        #expect(result.scope == .all)
        #expect(classifier.classify(ClassificationInput(title: "")).kind == .news)
    }

    @Test func driftsvarselLabelAloneIsAnIncident() {
        #expect(kind("Driftsvarsel 25.02.2021", "Vi ser på saken.") == .incident)
    }

    @Test func maintenanceWithoutAReadableWindowKeepsItsKindAndSaysWhatWasTried() throws {
        let result = classifier.classify(
            ClassificationInput(
                title: "Planlagt vedlikehold", summaryText: "Vi kommer tilbake med tidspunkt for vedlikeholdet.",
                categories: ["Drift"], published: utc("2023-05-08T00:00:00Z")))
        #expect(result.kind == .maintenance)
        #expect(result.maintenanceWindow == nil)
        let explanation = try #require(result.unparsedWindow)
        #expect(explanation.contains("Planlagt vedlikehold"))
        #expect(explanation.contains("Vi kommer tilbake med tidspunkt"))
    }

    @Test func yearlessMaintenanceWithoutPublicationDateIsUnparsed() {
        let result = classifier.classify(
            ClassificationInput(title: "Planlagt vedlikehold torsdag 16.november kl. 18.00 til kl. 22.00"))
        #expect(result.kind == .maintenance)
        #expect(result.maintenanceWindow == nil)
        #expect(result.unparsedWindow != nil)
    }

    @Test func cancellationTitles() {
        let cases: [(String, String?)] = [
            ("Utgår - Varsel om vedlikehold torsdag 15. juni 2023 ", "Varsel om vedlikehold torsdag 15. juni 2023"),
            (
                "AVLYST - vedlikehold fredag 01.02.2019 til søndag 03.02.2019",
                "vedlikehold fredag 01.02.2019 til søndag 03.02.2019"
            ),
            ("Avlyst: Planlagt nedetid 27.April", "Planlagt nedetid 27.April"),
            ("Utgår", nil),
        ]
        for (title, cancels) in cases {
            let result = classifier.classify(ClassificationInput(title: title))
            #expect(result.kind == .cancelled, "\(title)")
            #expect(result.cancels == cancels, "\(title)")
        }
    }

    @Test func classificationIsDeterministic() {
        for entry in atomFixtureEntries {
            #expect(classifier.classify(entry.input) == classifier.classify(entry.input))
        }
    }
}
