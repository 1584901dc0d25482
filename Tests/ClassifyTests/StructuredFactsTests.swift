import VarselConfig
import Classify
import Foundation
import Testing
import VarselModel

/// A status page states kind, window, severity and components; those win over words.
@Suite struct StructuredFactsTests {
    /// A small catalog with status-page components: one listed by code, one by name, a platform.
    static let catalog = Catalog(apis: [
        CatalogAPI(
            id: "summertskattegrunnlag", name: "Summert skattegrunnlag API", statusComponents: ["k1x9summert"]),
        CatalogAPI(id: "inntekt", name: "Inntekt API", statusComponents: ["Inntekt API"]),
        CatalogAPI(id: "maskinporten", name: "Maskinporten", kind: .platform, statusComponents: ["Maskinporten"]),
    ])
    let classifier = Classifier(catalog: catalog, lexicon: ConfigLoader.builtInLexicon)

    @Test func statedKindWinsOverWordsThatSayOtherwise() {
        // The words say "normal drift" (resolved); the page's status says investigating.
        let facts = SourceFacts(kind: .incident, status: "investigating", severity: .major)
        let result = classifier.classify(
            ClassificationInput(title: "Tregheter", contentText: "Vi ser nå normal drift for de fleste.", facts: facts))
        #expect(result.kind == .incident)
        #expect(result.severity == .major)
    }

    @Test func componentCodeWinsOverAComponentNameListedByAnotherEntry() {
        // The component is named like Inntekt's listed name but carries Summert's code.
        let facts = SourceFacts(kind: .incident, components: [StatusComponent(code: "k1x9summert", name: "Inntekt API")])
        let result = classifier.classify(ClassificationInput(title: "Feil", facts: facts))
        #expect(result.apis == ["summertskattegrunnlag"])
        #expect(result.scope == .apis)
    }

    @Test func componentNamesMatchIgnoringCaseAndSpacing() {
        let facts = SourceFacts(kind: .incident, components: [StatusComponent(code: "zz", name: "inntekt  api")])
        #expect(classifier.classify(ClassificationInput(title: "Feil", facts: facts)).apis == ["inntekt"])
    }

    @Test func unmappedComponentMakesScopeUnknownAndIsRecorded() {
        let facts = SourceFacts(kind: .incident, components: [StatusComponent(code: "abc", name: "Skattekort API")])
        let result = classifier.classify(ClassificationInput(title: "Feil på tjenesten", facts: facts))
        #expect(result.scope == .unknown)
        #expect(result.apis.isEmpty)
        #expect(result.unmappedComponents == ["Skattekort API"])
    }

    @Test func unmappedComponentDoesNotFallBackToTheSourceAPIs() {
        // A page-level default (the source's `apis`) is for incidents without components.
        let facts = SourceFacts(kind: .incident, components: [StatusComponent(code: "abc", name: "Ukjent")])
        let result = classifier.classify(ClassificationInput(title: "Feil", feedAPIs: ["inntekt"], facts: facts))
        #expect(result.scope == .unknown)
        let bare = classifier.classify(
            ClassificationInput(title: "Feil", feedAPIs: ["inntekt"], facts: SourceFacts(kind: .incident)))
        #expect(bare.apis == ["inntekt"])
    }

    @Test func platformComponentNamesThePlatform() {
        let facts = SourceFacts(kind: .incident, components: [StatusComponent(code: nil, name: "Maskinporten")])
        #expect(classifier.classify(ClassificationInput(title: "Problemer med innlogging", facts: facts)).apis == ["maskinporten"])
    }

    @Test func statedWindowIsTheMaintenanceWindowEvenWhenTheTextNamesOtherDates() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let window = MaintenanceWindow(start: start, end: start.addingTimeInterval(7200))
        let facts = SourceFacts(kind: .maintenance, status: "scheduled", window: window)
        let result = classifier.classify(
            ClassificationInput(
                title: "Planlagt vedlikehold", contentText: "Som varslet 3. mars kl. 10.00 til 12.00.", facts: facts))
        #expect(result.kind == .maintenance)
        #expect(result.maintenanceWindow == window)
        #expect(result.unparsedWindow == nil)
    }

    @Test func cancelledMaintenanceKeepsItsWindowAndCancelsNoOtherNotice() {
        let window = MaintenanceWindow(start: Date(timeIntervalSince1970: 1_800_000_000), end: nil)
        let facts = SourceFacts(kind: .cancelled, status: "completed", window: window)
        let result = classifier.classify(ClassificationInput(title: "Utgår - vedlikehold av Inntekt API", facts: facts))
        #expect(result.kind == .cancelled)
        #expect(result.cancels == nil)
        #expect(result.maintenanceWindow == window)
    }

    @Test func entryWithoutFactsIsClassifiedByWordsAsBefore() {
        let result = classifier.classify(ClassificationInput(title: "Inntekt API er oppe igjen"))
        #expect(result.kind == .resolved)
        #expect(result.severity == nil)
        #expect(result.unmappedComponents.isEmpty)
    }
}

@Suite struct ComponentNameFallbackTests {
    @Test func componentNamedLikeACatalogEntryMapsWithoutBeingListed() {
        let catalog = Catalog(apis: [
            CatalogAPI(id: "restanser", name: "Restanser API", aliases: ["Restanser"]),
            CatalogAPI(id: "inntekt", name: "Inntekt API", statusComponents: ["Restanser"]),
        ])
        let classifier = Classifier(catalog: catalog, lexicon: ConfigLoader.builtInLexicon)
        let byName = SourceFacts(kind: .incident, components: [StatusComponent(code: "q", name: "Restanser API")])
        #expect(classifier.classify(ClassificationInput(title: "Feil", facts: byName)).apis == ["restanser"])
        // A listed value wins over another entry's alias.
        let listed = SourceFacts(kind: .incident, components: [StatusComponent(code: "q", name: "restanser")])
        #expect(classifier.classify(ClassificationInput(title: "Feil", facts: listed)).apis == ["inntekt"])
    }
}

/// Environment from the language (EnvironmentRules + lexicon.toml `environment.*`).
@Suite struct EnvironmentTests {
    let classifier = Classifier(catalog: Catalog(apis: []), lexicon: ConfigLoader.builtInLexicon)

    func environment(_ title: String, _ text: String = "") -> NoticeEnvironment {
        classifier.classify(ClassificationInput(title: title, contentText: text)).environment
    }

    @Test func testEnvironmentWordsMakeATestNotice() {
        #expect(environment("Ustabil Konsumenttest 270122") == .test)
        #expect(environment("Vedlikehold", "Vi oppgraderer testmiljøet torsdag kl 16.") == .test)
        #expect(environment("Problemer med Altinn-delegering i test og TT02") == .test)
    }

    @Test func testAndProductionTogetherIsBoth() {
        #expect(environment("Inntekt API med støtte for inntektsår 2024 er i Test og Produksjon") == .both)
        #expect(environment("Ny versjon", "Tilgjengelig i produksjon fra 1. mars, og i test kort etter.") == .both)
    }

    @Test func theTitleDecidesBeforeTheText() {
        #expect(environment("Problem i Produksjon 25. oktober", "Feilen ble først sett i testmiljøet.") == .production)
    }

    @Test func noticeThatNamesNoEnvironmentConcernsProduction() {
        #expect(environment("Driftsproblemer 14.08", "Det er driftsproblemer i dag.") == .production)
        // "at" is an everyday word ("that"), never the AT environment.
        #expect(environment("Nedetid", "Vi beklager at tjenesten er nede.") == .production)
    }
}

/// `notice ID --explain`: the rule behind each field and the phrases found.
@Suite struct ExplanationTests {
    let classifier = Classifier(catalog: TestCatalog.catalog, lexicon: ConfigLoader.builtInLexicon)

    @Test func explanationNamesTheRuleAndTheWordsThatDecided() {
        let input = ClassificationInput(
            title: "Driftsmelding - Driftsproblemer 15.08.2024",
            contentText: "Det har vært driftsproblemer for Inntekt API i dag. Feilen er nå løst.")
        let explanation = classifier.explain(input)
        #expect(classifier.classify(input).kind == .resolved)
        #expect(explanation.kindRule.hasPrefix("6: the text says the problem is already over"))
        #expect(explanation.bodyPhrases["kind.resolved_body"] == ["nå løst"])
        #expect(explanation.titlePhrases["kind.label"] == ["driftsmelding*"])
        #expect(explanation.apis["inntekt"] == "named \"Inntekt API\"")
        #expect(explanation.scopeRule.hasPrefix("2b: the notice names APIs"))
        #expect(explanation.environmentRule == "no environment named → production")
    }

    @Test func statusPageFactsAreNamedAsTheReason() {
        let facts = SourceFacts(kind: .incident, status: "identified")
        let explanation = classifier.explain(ClassificationInput(title: "Feil", facts: facts))
        #expect(explanation.kindRule == "the status page says identified")
    }
}
