import VarselModel

/// The catalog the tests classify against: config/catalog.toml written in Swift, because the
/// TOML decoder lives in VarselConfig (built separately). KEEP IN SYNC with config/catalog.toml:
/// `catalogFileMatchesTestCatalog` (CatalogTests) fails when ids, names, aliases, categories or
/// service APIs differ.
enum TestCatalog {
    static let catalog = Catalog(
        apis: [
            CatalogAPI(
                id: "summertskattegrunnlag",
                name: "Summert skattegrunnlag API",
                aliases: ["Summert skattegrunnlag"],
                categories: ["skatteoppgjør"],
                scope: "skatteetaten:summertskattegrunnlag",
                url: "https://summertskattegrunnlag.api.skatteetaten.no/v2",
                testURL: "https://summertskattegrunnlag.api.skatteetaten-test.no/v2"),
            CatalogAPI(
                id: "spesifisertsummertskattegrunnlag",
                name: "Spesifisert summert skattegrunnlag API",
                aliases: ["Spesifisert summert skattegrunnlag"],
                categories: ["skatteoppgjør"],
                scope: "skatteetaten:spesifisertsummertskattegrunnlag"),
            CatalogAPI(
                id: "beregnetskatt",
                name: "Beregnet skatt API",
                aliases: ["Beregnet skatt"],
                categories: ["beregnet skatt", "skatteoppgjør"],
                scope: "skatteetaten:beregnetskatt",
                url: "https://beregnetskatt.api.skatteetaten.no/v2",
                testURL: "https://beregnetskatt.api.skatteetaten-test.no/v2"),
            CatalogAPI(
                id: "sistetilgjengeligeskatteoppgjoer",
                name: "Siste tilgjengelige skatteoppgjør API",
                aliases: ["Siste tilgjengelige skatteoppgjør", "Tilgjengeligdata API"],
                categories: ["skatteoppgjør"],
                scope: "skatteetaten:sistetilgjengeligeskatteoppgjoer",
                url: "https://sistetilgjengeligeskatteoppgjoer.api.skatteetaten.no/v1",
                testURL: "https://sistetilgjengeligeskatteoppgjoer.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "skatteoppgjoerhendelser",
                name: "Skatteoppgjør hendelser",
                aliases: ["Skatteoppgjør hendelser API"],
                categories: ["skatteoppgjør"],
                url: "https://skatteoppgjoerhendelser.api.skatteetaten.no/v1",
                testURL: "https://skatteoppgjoerhendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "inntekt",
                name: "Inntekt API",
                aliases: ["Inntektsmottaker API"],
                categories: ["inntekt"],
                scope: "skatteetaten:inntekt",
                url: "https://inntekt.api.skatteetaten.no/v1",
                testURL: "https://inntekt.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "inntektsmottakere",
                name: "Inntektsmottakere API",
                scope: "skatteetaten:inntektsmottakere",
                url: "https://inntektsmottakere.api.skatteetaten.no/v1",
                testURL: "https://inntektsmottakere.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "inntekthendelser",
                name: "Inntekt hendelser",
                aliases: ["Inntekt hendelser API"],
                url: "https://inntekthendelser.api.skatteetaten.no/v1",
                testURL: "https://inntekthendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "pgi",
                name: "Pensjonsgivende inntekt API",
                scope: "skatteetaten:pensjonsgivendeinntekt",
                url: "https://pgi.api.skatteetaten.no/v1",
                testURL: "https://pgi.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "pgiforfolketrygden",
                name: "Pensjonsgivende inntekt for folketrygden API",
                scope: "skatteetaten:pensjonsgivendeinntektforfolketrygden",
                url: "https://pgiforfolketrygden.api.skatteetaten.no/v1",
                testURL: "https://pgiforfolketrygden.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "pgiforfolketrygdenhendelser",
                name: "Pensjonsgivende inntekt for folketrygden hendelser",
                aliases: ["Pensjonsgivende inntekt for folketrygden hendelser API"],
                scope: "skatteetaten:pensjonsgivendeinntektforfolketrygden",
                url: "https://pgiforfolketrygdenhendelser.api.skatteetaten.no/v1",
                testURL: "https://pgiforfolketrygdenhendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "restanser",
                name: "Restanser API",
                categories: ["restanser"],
                scope: "skatteetaten:restanser",
                url: "https://restanser.api.skatteetaten.no/v2",
                testURL: "https://restanser.api.skatteetaten-test.no/v2"),
            CatalogAPI(
                id: "kravogbetalinger",
                name: "Krav og betalinger API",
                aliases: ["Krav og betalinger"],
                scope: "skatteetaten:kravogbetalinger",
                url: "https://kravogbetalinger.api.skatteetaten.no/v1",
                testURL: "https://kravogbetalinger.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "aktivkonto",
                name: "Aktiv konto API",
                aliases: ["Aktiv konto"],
                categories: ["aktiv konto"],
                scope: "skatteetaten:aktivkonto",
                url: "https://aktivkonto.api.skatteetaten.no/v3",
                testURL: "https://aktivkonto.api.skatteetaten-test.no/v3"),
            CatalogAPI(
                id: "tjenestepensjonsavtale",
                name: "Tjenestepensjonsavtale API",
                aliases: ["Tjenestepensjonsavtalte API", "OTP API"],
                categories: ["otp"],
                scope: "skatteetaten:tjenestepensjonsavtale",
                url: "https://tjenestepensjonsavtale.api.skatteetaten.no/v1",
                testURL: "https://tjenestepensjonsavtale.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "skattemelding",
                name: "Skattemelding API",
                categories: ["skattemelding"],
                scope: "skatteetaten:skattemelding",
                url: "https://skattemelding.api.skatteetaten.no/v4",
                testURL: "https://skattemelding.api.skatteetaten-test.no/v4"),
            CatalogAPI(
                id: "folkeregisteret",
                name: "Folkeregisteret",
                aliases: ["Folkeregisteret API", "FREG"]),
            CatalogAPI(
                id: "aksjebeholdning",
                name: "Aksjebeholdning API",
                url: "https://aksjebeholdning.api.skatteetaten.no/v1",
                testURL: "https://aksjebeholdning.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "aksjonaerivirksomhet",
                name: "Aksjonær i virksomhet API",
                url: "https://aksjonaerivirksomhet.api.skatteetaten.no/v1",
                testURL: "https://aksjonaerivirksomhet.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "arbeidsforholdioppdrag",
                name: "Arbeidsforhold i oppdrag API",
                url: "https://arbeidsforholdioppdrag.api.skatteetaten.no/v1",
                testURL: "https://arbeidsforholdioppdrag.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "arbeidsgiveravgift",
                name: "Arbeidsgiveravgift API",
                url: "https://arbeidsgiveravgift.api.skatteetaten.no/v1",
                testURL: "https://arbeidsgiveravgift.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "avregning",
                name: "Avregning API",
                scope: "skatteetaten:avregning",
                url: "https://avregning.api.skatteetaten.no/v2",
                testURL: "https://avregning.api.skatteetaten-test.no/v2"),
            CatalogAPI(
                id: "beregnetskattupersonlig",
                name: "Beregnet skatt upersonlig API",
                scope: "skatteetaten:beregnetskattupersonlig",
                url: "https://beregnetskattupersonlig.api.skatteetaten.no/v1",
                testURL: "https://beregnetskattupersonlig.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "bsu",
                name: "Boligsparing for ungdom API",
                aliases: ["BSU API"],
                url: "https://bsu.api.skatteetaten.no/v1",
                testURL: "https://bsu.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "formuesgrunnlageiendomsskatt",
                name: "Formuesgrunnlag for eiendomsskatt API",
                url: "https://formuesgrunnlageiendomsskatt.api.skatteetaten.no/v1",
                testURL: "https://formuesgrunnlageiendomsskatt.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "formuesgrunnlageiendomsskatthendelser",
                name: "Formuesgrunnlag for eiendomsskatt hendelser",
                aliases: ["Formuesgrunnlag for eiendomsskatt hendelser API"],
                url: "https://formuesgrunnlageiendomsskatthendelser.api.skatteetaten.no/v1",
                testURL: "https://formuesgrunnlageiendomsskatthendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "mvamelding",
                name: "Mva-melding API",
                url: "https://mvamelding.api.skatteetaten.no/v1",
                testURL: "https://mvamelding.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "mvameldinghendelser",
                name: "Mva-melding hendelser",
                aliases: ["Mva-melding hendelser API"],
                url: "https://mvameldinghendelser.api.skatteetaten.no/v1",
                testURL: "https://mvameldinghendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "mvaregister",
                name: "Mva-register avgiftssubjekt API",
                aliases: ["Mva-register - avgiftssubjekter med skattemeldingsplikt API", "Mva-register"],
                scope: "skatteetaten:mvaregisteravgiftssubjekt",
                url: "https://mvaregister.api.skatteetaten.no/v1",
                testURL: "https://mvaregister.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "mvaregisterhendelser",
                name: "Mva-register avgiftssubjekt hendelser",
                aliases: ["Mva-register - avgiftssubjekter med skattemeldingsplikt hendelser API", "Mva-register hendelser"],
                scope: "skatteetaten:mvaregisteravgiftssubjekt",
                url: "https://mvaregisterhendelser.api.skatteetaten.no/v1",
                testURL: "https://mvaregisterhendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "mvameldingsopplysning",
                name: "Mva meldingsopplysning API",
                url: "https://mvameldingsopplysning.api.skatteetaten.no/v1",
                testURL: "https://mvameldingsopplysning.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "naeringsspesifikasjon",
                name: "Næringsspesifikasjon API",
                scope: "skatteetaten:naeringsspesifikasjon",
                url: "https://naeringsspesifikasjon.api.skatteetaten.no/v3",
                testURL: "https://naeringsspesifikasjon.api.skatteetaten-test.no/v3"),
            CatalogAPI(
                id: "naeringsspesifikasjonhendelser",
                name: "Næringsspesifikasjon hendelser",
                aliases: ["Næringsspesifikasjon hendelser API"],
                scope: "skatteetaten:naeringsspesifikasjon",
                url: "https://naeringsspesifikasjonhendelser.api.skatteetaten.no/v1",
                testURL: "https://naeringsspesifikasjonhendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "omregistreringsavgift",
                name: "Omregistreringsavgift API",
                url: "https://omregistreringsavgift.api.skatteetaten.no/v1",
                testURL: "https://omregistreringsavgift.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "oppdragutenlandskevirksomheter",
                name: "Oppdrag utenlandske virksomheter API",
                url: "https://oppdragutenlandskevirksomheter.api.skatteetaten.no/v1",
                testURL: "https://oppdragutenlandskevirksomheter.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "skatteberegningsgrunnlagupersonlig",
                name: "Skatteberegningsgrunnlag upersonlig API",
                scope: "skatteetaten:skatteberegningsgrunnlagupersonlig",
                url: "https://skatteberegningsgrunnlagupersonlig.api.skatteetaten.no/v1",
                testURL: "https://skatteberegningsgrunnlagupersonlig.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "skattemeldingfastsatthendelser",
                name: "Skattemelding fastsatt hendelser",
                aliases: ["Skattemelding fastsatt hendelser API"],
                url: "https://skattemeldingfastsatthendelser.api.skatteetaten.no/v1",
                testURL: "https://skattemeldingfastsatthendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "skattemeldingupersonlig",
                name: "Skattemelding upersonlig API",
                scope: "skatteetaten:skattemeldingupersonlig",
                url: "https://skattemeldingupersonlig.api.skatteetaten.no/v2",
                testURL: "https://skattemeldingupersonlig.api.skatteetaten-test.no/v2"),
            CatalogAPI(
                id: "skattemeldingupersonlighendelser",
                name: "Skattemelding upersonlig hendelser",
                aliases: ["Skattemelding upersonlig hendelser API"],
                url: "https://skattemeldingupersonlighendelser.api.skatteetaten.no/v1",
                testURL: "https://skattemeldingupersonlighendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "skattemeldingutkasthendelser",
                name: "Skattemelding utkast hendelser",
                aliases: ["Skattemelding utkast hendelser API"],
                url: "https://skattemeldingutkasthendelser.api.skatteetaten.no/v1",
                testURL: "https://skattemeldingutkasthendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "skatteoppgjoerupersonlighendelser",
                name: "Skatteoppgjør upersonlig hendelser",
                aliases: ["Skatteoppgjør upersonlig hendelser API"],
                url: "https://skatteoppgjoerupersonlighendelser.api.skatteetaten.no/v1",
                testURL: "https://skatteoppgjoerupersonlighendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "skatteplikt",
                name: "Skatteplikt API",
                scope: "skatteetaten:skatteplikt",
                url: "https://skatteplikt.api.skatteetaten.no/v2",
                testURL: "https://skatteplikt.api.skatteetaten-test.no/v2"),
            CatalogAPI(
                id: "skattepliktupersonlig",
                name: "Skatteplikt upersonlig API",
                scope: "skatteetaten:skattepliktupersonlig",
                url: "https://skattepliktupersonlig.api.skatteetaten.no/v1",
                testURL: "https://skattepliktupersonlig.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "summertskattegrunnlagupersonlig",
                name: "Summert skattegrunnlag upersonlig API",
                scope: "skatteetaten:summertskattegrunnlagupersonlig",
                url: "https://summertskattegrunnlagupersonlig.api.skatteetaten.no/v1",
                testURL: "https://summertskattegrunnlagupersonlig.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "tilleggsskatt",
                name: "Tilleggsskatt API",
                scope: "skatteetaten:tilleggsskatt",
                url: "https://tilleggsskatt.api.skatteetaten.no/v1",
                testURL: "https://tilleggsskatt.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "tilleggsskatthendelser",
                name: "Tilleggsskatt hendelser",
                aliases: ["Tilleggsskatt hendelser API"],
                scope: "skatteetaten:tilleggsskatt",
                url: "https://tilleggsskatthendelser.api.skatteetaten.no/v1",
                testURL: "https://tilleggsskatthendelser.api.skatteetaten-test.no/v1"),
            CatalogAPI(
                id: "trukketkildeskattpaaloenn",
                name: "Trukket kildeskatt på lønn API",
                url: "https://trukketkildeskattpaaloenn.api.skatteetaten.no/v1",
                testURL: "https://trukketkildeskattpaaloenn.api.skatteetaten-test.no/v1"),
        ],
        services: [
            MunicipalService(
                id: "foreldrebetaling", name: "Redusert foreldrebetaling barnehage og SFO/AKS", apis: ["summertskattegrunnlag"],
                rightsPackage: "kommuneforeldrebetaling"),
            MunicipalService(
                id: "boligsosial", name: "Boligsosialt arbeid (boligsosial bistand, kommunal bolig, kommunal bostøtte)",
                apis: ["summertskattegrunnlag", "inntekt"], rightsPackage: "kommuneboligsosialeformaal"),
            MunicipalService(
                id: "saernamsmann", name: "Særnamsmannsmyndighet", apis: ["summertskattegrunnlag"], rightsPackage: "saernamsmann"),
            MunicipalService(
                id: "langtidsopphold", name: "Egenbetaling langtidsopphold institusjon (vederlag sykehjem)",
                apis: ["summertskattegrunnlag"], rightsPackage: "kommunelangtidsoppholdinstitusjon"),
            MunicipalService(
                id: "personligassistanse", name: "Egenbetaling praktisk bistand og opplæring (personlig assistanse)",
                apis: ["summertskattegrunnlag"], rightsPackage: "kommunepersonligassistanse"),
        ])
}
