import VarselConfig
import Classify
import Testing
import VarselModel

/// Names and aliases against the look-alikes real notices contain.
@Suite struct APIMatchingTests {
    let classifier = Classifier(catalog: TestCatalog.catalog, lexicon: ConfigLoader.builtInLexicon)

    func apis(_ text: String, categories: [String] = []) -> [String] {
        classifier.classify(ClassificationInput(title: "Nyhet", contentText: text, categories: categories)).apis
    }

    @Test func spesifisertSummertIsNotAlsoSummert() {
        #expect(
            apis("Oppdatert Open API spesifikasjon for Spesifisert summert skattegrunnlag API") == [
                "spesifisertsummertskattegrunnlag"
            ])
        #expect(
            apis("oppslag i Summert skattegrunnlag-api eller Spesifisert summert skattegrunnlag-api")
                == ["spesifisertsummertskattegrunnlag", "summertskattegrunnlag"])
        #expect(apis("Summert skattegrunnlag upersonlig API") == ["summertskattegrunnlagupersonlig"])
    }

    @Test func inntektsmottakereIsNotInntekt() {
        #expect(apis("Inntektsmottakere API") == ["inntektsmottakere"])
        #expect(apis("Inntektsmottaker API") == ["inntekt"])  // KS 2022's name for Inntekt API
        #expect(apis("Inntekt hendelser") == ["inntekthendelser"])
        #expect(apis("Pensjonsgivende inntekt API") == ["pgi"])
        #expect(apis("Pensjonsgivende inntekt for folketrygden API") == ["pgiforfolketrygden"])
        #expect(apis("nye inntektsbeskrivelser for inntektsår 2024") == [])
    }

    @Test func wordsInsideOtherWordsDoNotMatch() {
        #expect(apis("ikke bli gjort oppdateringer av opplysninger om skatterestanser") == [])
        #expect(apis("Skatteoppgjørstjenestene er nå klare") == [])
        #expect(apis("Skattemelding upersonlig API") == ["skattemeldingupersonlig"])
    }

    @Test func otpAloneIsATableHeaderNotAnAPI() {
        #expect(apis("Ny YtelseFraOffentligeBeskrivelse Har inngått i SBL OTP pleiepenger") == [])
        #expect(apis("som treffer brukere av OTP-api-ene") == ["tjenestepensjonsavtale"])
        #expect(apis("nedetid", categories: ["Drift", "OTP"]) == ["tjenestepensjonsavtale"])
    }

    @Test func categoriesAreFoldedToLowerCase() {
        #expect(apis("", categories: ["Inntekt"]) == ["inntekt"])
        #expect(apis("", categories: ["inntekt"]) == ["inntekt"])
        #expect(apis("", categories: [" Aktiv konto "]) == ["aktivkonto"])
        #expect(apis("", categories: ["Drift", "Nyhet", "Maskinporten", "Test"]) == [])
    }

    @Test func skatteoppgjørTagAddsTheFamilyOnlyWhenTheTextNamesNoMember() {
        #expect(
            apis("Skatteoppgjøret for 2023 er tilgjengelig.", categories: ["Skatteoppgjør"])
                == [
                    "beregnetskatt", "sistetilgjengeligeskatteoppgjoer", "skatteoppgjoerhendelser",
                    "spesifisertsummertskattegrunnlag",
                    "summertskattegrunnlag",
                ])
        #expect(apis("Gjelder Beregnet skatt API.", categories: ["skatteoppgjør"]) == ["beregnetskatt"])
        #expect(
            apis("Gjelder Skattemelding-api.", categories: ["Skattemelding", "Skatteoppgjør"])
                == [
                    "beregnetskatt", "sistetilgjengeligeskatteoppgjoer", "skattemelding", "skatteoppgjoerhendelser",
                    "spesifisertsummertskattegrunnlag", "summertskattegrunnlag",
                ])
    }

    @Test func oldNameTilgjengeligdataMeansSisteTilgjengeligeSkatteoppgjør() {
        #expect(apis("Tilgjengeligdata API, Skatteplikt API") == ["sistetilgjengeligeskatteoppgjoer", "skatteplikt"])
    }

    @Test func nothingNamedWithoutFeedAPIsConcernsEveryone() {
        let result = classifier.classify(
            ClassificationInput(title: "Planlagt nedetid 27.April", contentText: "Jobben vil medføre nedetid."))
        #expect(result.scope == .all)
        #expect(result.apis == [])
        #expect(result.unrecognisedAPIs == [])
    }

    @Test func apiLikeNameTheCatalogLacksIsUnknownAndRecorded() {
        for text in ["Nedetid i Skattekort API i kveld", "Nedetid i skattekort-api i kveld", "Kall til skattekort.api.skatteetaten-test.no feiler"] {
            let result = classifier.classify(ClassificationInput(title: "Driftsproblemer", contentText: text))
            #expect(result.scope == .unknown, "\(text)")
            #expect(result.unrecognisedAPIs == ["Skattekort API"], "\(text)")
        }
        // Words before "API" that name nothing are not names.
        let general = classifier.classify(ClassificationInput(title: "Nytt", contentText: "Skatteetatens API og våre nye API."))
        #expect(general.unrecognisedAPIs == [])
    }

    @Test func slugsAndHostsNameTheirAPI() {
        #expect(apis("Nedetid på kravogbetalinger-api") == ["kravogbetalinger"])
        #expect(apis("Timeout mot inntekt.api.skatteetaten.no") == ["inntekt"])
        #expect(apis("Kall mot kravogbetalinger feiler") == ["kravogbetalinger"])
        // "inntekt" alone is an everyday word, not the API.
        #expect(apis("Endringer i pensjonsgivende inntekt for 2024 er publisert i nyhetsbrevet") != ["inntekt"])
    }

    @Test func familyWordStandsForItsAPIsUnlessAMemberIsNamed() {
        let mva = apis("Planlagt nedetid på MVA-tjenestene lørdag")
        #expect(mva.contains("mvamelding") && mva.contains("mvaregister"))
        #expect(apis("Nedetid i Mva-melding API, som er en av MVA-tjenestene") == ["mvamelding"])
    }

    @Test func feedAPIsApplyOnlyWhenTheNoticeNamesNothing() {
        let named = classifier.classify(
            ClassificationInput(title: "Restanser API er oppe igjen", feedAPIs: ["folkeregisteret"]))
        #expect(named.apis == ["restanser"])
        let unnamed = classifier.classify(
            ClassificationInput(title: "Driftsproblemer 16.04.2024", feedAPIs: ["folkeregisteret"]))
        #expect(unnamed.apis == ["folkeregisteret"])
        #expect(unnamed.scope == .apis)
    }

    @Test func generalWordingInTheTitleWinsOverExampleAPIs() {
        let result = classifier.classify(
            ClassificationInput(
                title: "Skatteetaten får nye URL'er til eksterne api'er",
                contentText: "Eksempler på endring: API Gammel URL Ny URL Inntekt API Beregnet skatt API"))
        #expect(result.scope == .all)
        #expect(result.apis == ["beregnetskatt", "inntekt"])
    }
}

extension APIMatchingTests {
    @Test func inflectedAndCompoundNamesNameTheirAPI() {
        #expect(apis("Feil i Inntekt-APIet siden i går") == ["inntekt"])
        #expect(apis("Problemer med folkeregistertjenesten") == ["folkeregisteret"])
        #expect(apis("Folkeregisterets hendelsesliste er forsinket") == ["folkeregisteret"])
    }
}
