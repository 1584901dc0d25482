import Classify
import Foundation
import Testing
import VarselModel

/// The 42 entries of fixtures/feeds/skatteetaten-atom-2024-01-22.xml, copied as literals:
/// title, summary, categories and `updated` exactly as in the file; content as plain text
/// (markup removed, whitespace collapsed: what FeedParse hands on).
///
/// `kind`, `apis` and `scope` are the truth, decided by reading each entry (not by running the
/// classifier); the reasons for the non-obvious ones are in the comments.
struct AtomFixtureEntry: Sendable, CustomTestStringConvertible {
    let index: Int
    let title: String
    let summary: String
    let content: String
    let categories: [String]
    let updated: String
    let kind: NoticeKind
    let apis: [String]
    let scope: NoticeScope

    var testDescription: String { "#\(index) \(title)" }

    var input: ClassificationInput {
        ClassificationInput(
            title: title, summaryText: summary, contentText: content, categories: categories,
            published: ISO8601DateFormatter.withFractionalSeconds.date(from: updated))
    }
}

extension ISO8601DateFormatter {
    /// Parses the feed's "2024-01-22T15:30:00.000Z".
    nonisolated(unsafe) static let withFractionalSeconds: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}

let atomFixtureEntries: [AtomFixtureEntry] = [
    AtomFixtureEntry(
        index: 0, title: "Inntekt API med støtte for inntektsår 2024 er i Test og Produksjon",
        summary:
            "Ref. tidligere varsel om årsrevisjon av Inntekt API for 2024, så er api'et nå oppdatert i både Test og Produksjon.",
        content:
            "Ref. tidligere varsel om årsrevisjon av Inntekt API for 2024, så er api'et nå oppdatert i både Test og Produksjon. Se detaljer i . Nye felter er ikke ennå søkbare i Tenor, men følgende identifikatorer har data for januar 2024. Ytelser fra offentlige ​ Fødseslnummer Inntektstype 20907396194 pleiepenger 10867997933 opplaeringspenger 11887799417 omsorgspenger 08818095288 omstillingsstoenad 19859499352 feriepengerForeldrepenger 29848597749 ferietilleggDagpengerVedArbeidsloeshet 31928896792 ferietilleggDagpengerTilFiskerSomBareHarHyre 20828696379 feriepengerSykepenger 27836498769 feriepengerSykepengerTilFiskerSomBareHarHyre 09908798268 feriepengerSvangerskapspenger 10908599654 feriepengerPleiepenger 24878997111 feriepengerOpplaeringspenger 05887196925 feriepengerOmsorgspenger 14887597724 omstillingsstoenad + etterbetaling for 2023-11-01 til 2023-12-31 Pensjon eller trygd ​ Fødseslnummer Inntektstype 09841898122 barnepensjonFra2024 (uten etterbetaling) 07870799807 barnepensjonFraAndreEnnFolketrygdenFra2024 (uten etterbetaling) 58851175391 ipaEllerIpsBarnepensjonFra2024 (uten etterbetaling) 20911297826 barnepensjonFra2024 + barnepensjon med etterbetaling for okt-des 2023 17841099990 barnepensjonFraAndreEnnFolketrygdenFra2024 + barnepensjonFraAndreEnnFolketrygden med etterbetaling for okt-des 2023 24841399826 ipaEllerIpsBarnepensjonFra2024 + ipaEllerIpsBarnepensjon med etterbetaling for okt-des 2023 20861298117 barnepensjonFra2024 + barnepensjonFraAndreEnnFolketrygdenFra2024 + ipaEllerIpsBarnepensjonFra2024 Næring ​ Fødseslnummer Inntektstype 17840199045 svangerskapspengerTilFisker 24887499019 pleiepenger 16867498242 pleiepengerTilDagmamma 01868399097 pleiepengerTilJordOgSkogbrukere 10816298631 pleiepengerTilFisker 27847098460 opplaeringspenger 70868700589 opplaeringspengerTilDagmamma 09829597583 opplaeringspengerTilJordOgSkogbrukere 27828799490 svangerskapspengerTilJordOgSkogbrukere 31876398845 opplaeringspengerTilFisker 16817898851 omsorgspenger 24818097456 omsorgspengerTilJordOgSkogbrukere 19877498169 omsorgspengerTilFisker 03819299284 svangerskapspengerTilDagmamma 07929297096 svangerskapspenger 31838198719 foreldrepengerTilFisker 22839199256 foreldrepengerTilJordOgSkogbrukere 07898796846 omsorgspengerTilDagmamma 29888999602 foreldrepengerTilDagmamma 19909298000 foreledrepenger",
        categories: ["nyhet", "inntekt"], updated: "2024-01-22T15:30:00.000Z",
        kind: .change, apis: ["inntekt"], scope: .apis),
    // Names three APIs only as URL examples, but the title says "eksterne api'er": every API.
    AtomFixtureEntry(
        index: 1, title: "Skatteetaten får nye URL'er til eksterne api'er",
        summary:
            "Skatteetaten jobber med å etablere en løsning for API management og API gateway, og fremover vil dette rulles ut for Skatteetatens eksterne api'er.",
        content:
            "Skatteetaten jobber med å etablere en løsning for API management og API gateway, og fremover vil dette rulles ut for Skatteetatens eksterne api'er. Vi går over til host basert routing og alle eksterne konsumenter må derfor ta i bruk ny URL til våre tjenester. Nye URL'er vil i en periode være tilgjengelig i parallell med dagens URL'er før de gamle URL'ene saneres. Generelt vil api'ene få URL'er bygd opp på følgende måte: Produksjon: Test: Eksempler på endring: API Gammel URL Ny URL Inntekt API Beregnet skatt API Summert skattegrunnlag API Vi tar et forbehold om at URL for enkelte api'er bygges opp noe ulikt eksemplene over, og vi vil komme tilbake med informasjon om nøyaktig url for den enkelte tjeneste. Endringen kan også være at enkelte virksomheter må endre sine brannmurregler. IP-range vil være: Prod (*.api.skatteetaten.no): 20.100.51.138 / 2a13:6200:1065:13d:f5:52a2:e633:8625 Test (*.api.skatteetaten-test.no): 51.13.21.170 / 2a13:6201:1066:c63:f5:fc5f:3c74:30c0 Skatteetaten oppfordrer alle til å teste overgangen først mot vårt testmiljø. Vi kommer tilbake med mer informasjon om frist for overgang. For segmenter vil Skatteetaten i samarbeid med segmentansvarlig etablere en migreringsplan. på vanlig måte dersom du har spørsmål til endringen. Konsumenter som er omfattet av et segmentsamarbeid bes kontakte egen segmentansvarlig.",
        categories: ["nyhet"], updated: "2024-01-22T10:15:00.000Z",
        kind: .change, apis: ["beregnetskatt", "inntekt", "summertskattegrunnlag"], scope: .all),
    AtomFixtureEntry(
        index: 2, title: "Årsrevisjon – Flere endringer i Inntekt API fra 2024",
        summary: "Vi har tidligere varslet om endringer i Inntekt API fra 2024, og det har nå kommet noen flere endringer:",
        content:
            "Vi har om endringer i Inntekt API fra 2024, og det har nå kommet noen flere endringer: Ny YtelseFraOffentligeBeskrivelse Har inngått i SBL OTP pleiepengerTilFiskerSomBareHarHyre sykepengerTilFiskerSomBareHarHyre X X opplaeringspengerTilFiskerSomBareHarHyre sykepengerTilFiskerSomBareHarHyre X X omsorgspengerTilFiskerSomBareHarHyre sykepengerTilFiskerSomBareHarHyre X X er oppdatert.",
        categories: ["nyhet", "inntekt"], updated: "2024-01-17T08:40:00.000Z",
        kind: .change, apis: ["inntekt"], scope: .apis),
    AtomFixtureEntry(
        index: 3, title: "Restanser API og Krav og betalinger API har normal drift",
        summary: "Restanser API og Krav og betalinger API er nå tilgjengelig igjen.",
        content: "Restanser API og Krav og betalinger API er nå tilgjengelig igjen.",
        categories: ["Drift"], updated: "2024-01-04T11:20:00.000Z",
        kind: .resolved, apis: ["kravogbetalinger", "restanser"], scope: .apis),
    // "starter om kort tid i dag 03.01.24": the announced downtime beginning, a planned window (today).
    AtomFixtureEntry(
        index: 4, title: "Nedetid i Restanser API og Krav og betalinger API",
        summary: "Viser til meldt driftsvarsel 13.12.23. om nedetid i Restanser API.",
        content:
            "Viser til meldt driftsvarsel 13.12.23. om nedetid i Restanser API. Nedetiden på Restanser API og Krav og betalinger API starter om kort tid i dag 03.01.24. Tjenesten blir utilgjengelig.",
        categories: ["Drift"], updated: "2024-01-03T14:40:00.000Z",
        kind: .maintenance, apis: ["kravogbetalinger", "restanser"], scope: .apis),
    AtomFixtureEntry(
        index: 5, title: "Restanser API er oppe igjen",
        summary: "Restanser API er nå tilgjengelig igjen.",
        content:
            "Restanser API er nå tilgjengelig igjen. Det vil forekomme nedetid senere i uken i henhold til det som ble varslet 13.12.23.",
        categories: ["Drift"], updated: "2024-01-02T11:30:00.000Z",
        kind: .resolved, apis: ["restanser"], scope: .apis),
    // The trap: "Nedetid ... er i gang" is downtime happening now.
    AtomFixtureEntry(
        index: 6, title: "Nedetid i Restanser API er i gang",
        summary: "Viser til meldt driftsvarsel 13.12.23. om nedetid i Restanser API.",
        content:
            "Viser til meldt driftsvarsel 13.12.23. om nedetid i Restanser API. Nedetiden på Restanser API er i gang, og vi kommer tilbake med mer info om når dette fungerer igjen.",
        categories: ["Drift"], updated: "2024-01-02T10:40:00.000Z",
        kind: .incident, apis: ["restanser"], scope: .apis),
    AtomFixtureEntry(
        index: 7, title: "Årsrevisjon – Endring i Inntekt API fra 2024",
        summary:
            "Som følge av endring i innrapportering fra NAV til A-ordningen fra 2024 vil det tilkomme flere nye inntektsbeskrivelser i Inntekt API fra 2024.",
        content:
            "Som følge av endring i innrapportering fra NAV til A-ordningen fra 2024 vil det tilkomme flere nye inntektsbeskrivelser i Inntekt API fra 2024. NAV innrapporterer fra nyttår mer detaljert for flere ytelser. Blant annet skilles feriepenger ut i egne inntektsbeskrivelser for disse ytelsene, og det blir egen innrapportering for flere ytelser som tidligere har blitt innrapportert samlet som sykepenger. Eksisterende felter videreføres fratrukken den delen av innholdet som er utskilt i egne felt. Vi legger derfor til grunn at rettighetspakker som allerede inneholder eksisterende felt utvides med nye felter i henhold til tabellene nedenfor. Frist for innrapportering for januar er 5. februar, og nye inntektsbeskrivelser vil da være tilgjengelig. Ytelser fra offentlige ​ Feriepenger på ytelser skal innrapporteres på egne inntektsbeskrivelser. Sykepenger splittes og innrapporteres hver for seg i egne inntektsbeskrivelser. Ny YtelseFraOffentligeBeskrivelse Har inngått i SBL OTP ferietilleggDagpengerTilFiskerSomBareHarHyre dagpengerTilFiskerSomBareHarHyre x ferietilleggDagpengerVedArbeidsloeshet dagpengerVedArbeidsloeshet x feriepengerForeldrepenger foreldrepenger x omstillingsstoenad overgangsstoenadTilGjenlevendeEktefelle (pensjonEllerTrygd) x feriepengerSvangerskapspenger svangerskapspenger x x pleiepenger sykepenger x x feriepengerOpplaeringspenger sykepenger x x opplaeringspenger sykepenger x x omsorgspenger sykepenger x x feriepengerSykepenger sykepenger x x feriepengerPleiepenger sykepenger x x feriepengerOmsorgspenger sykepenger x x feriepengerSykepengerTilFiskerSomBareHarHyre sykepengerTilFiskerSomBareHarHyre x x Pensjon eller trygd ​ Barnepensjons skattlegges fra 2024 som kapitalinntekt, og innrapporteres heretter på nye inntektsbeskrivelser. Etterbetaling av barnepensjon innrapporteres på eksisterende inntektsbeskrivelser. Ny PensjonEllerTrygdBeskrivelse Har inngått i SBL OTP barnepensjonFra2024 barnepensjon x barnepensjonFraAndreEnnFolketrygdenFra2024 barnepensjonFraAndreEnnFolketrygden x ipaEllerIpsBarnepensjonFra2024 ipaEllerIpsBarnepensjon x Næring ​ Sykepenger splittes og innrapporteres hver for seg i egne inntektsbeskrivelser. Nye Naeringsinntektbeskrivelse Har inngått i SBL OTP foreldrepenger sykepenger x svangerskapspenger sykepenger x pleiepenger sykepenger x opplaeringspenger sykepenger x omsorgspenger sykepenger x foreldrepengerTilDagmamma sykepengerTilDagmamma x svangerskapspengerTilDagmamma sykepengerTilDagmamma x pleiepengerTilDagmamma sykepengerTilDagmamma x opplaeringspengerTilDagmamma sykepengerTilDagmamma x omsorgspengerTilDagmamma sykepengerTilDagmamma x foreldrepengerTilFisker sykepengerTilFisker x svangerskapspengerTilFisker sykepengerTilFisker x pleiepengerTilFisker sykepengerTilFisker x opplaeringspengerTilFisker sykepengerTilFisker x omsorgspengerTilFisker sykepengerTilFisker x foreldrepengerTilJordOgSkogbrukere sykepengerTilJordOgSkogbrukere x svangerskapspengerTilJordOgSkogbrukere sykepengerTilJordOgSkogbrukere x pleiepengerTilJordOgSkogbrukere sykepengerTilJordOgSkogbrukere x opplaeringspengerTilJordOgSkogbrukere sykepengerTilJordOgSkogbrukere x omsorgspengerTilJordOgSkogbrukere sykepengerTilJordOgSkogbrukere x Skatteetaten tar direkte kontakt med øvrige virksomheter som er berørt for detaljert oversikt over endring i rettighetspakker.",
        categories: ["nyhet", "inntekt"], updated: "2023-12-15T09:30:00.000Z",
        kind: .change, apis: ["inntekt"], scope: .apis),
    // "fra og med søndag 31.12.23 til og med fredag 05.01.24": planned.
    AtomFixtureEntry(
        index: 8, title: "Nedetid i Restanser API og Krav og betalinger API",
        summary:
            "Som følge av den lovpålagte kommune- og fylkessplittingen vil det i perioden fra og med søndag 31.12.23 til og med fredag 05.01.24",
        content:
            "Som følge av den lovpålagte kommune- og fylkessplittingen vil det i perioden fra og med søndag 31.12.23 til og med fredag 05.01.24 ikke bli gjort oppdateringer av opplysninger om skatterestanser. Dette berører Restanser API og Krav og betalinger API. De samme tjenestene vil i løpet av perioden være nede i ca. et døgn, mest sannsynlig i perioden onsdag 03.01.24 – fredag 05.01.24. Vi beklager ulempene dette medfører.",
        categories: ["Drift"], updated: "2023-12-13T11:10:00.000Z",
        kind: .maintenance, apis: ["kravogbetalinger", "restanser"], scope: .apis),
    AtomFixtureEntry(
        index: 9, title: "Det skal nå være normal drift på Skatteetatens tjenester",
        summary: "Systemer og tjenester skal nå fungere igjen",
        content: "Systemer og tjenester skal nå fungere igjen",
        categories: ["Drift"], updated: "2023-11-28T12:15:00.000Z",
        kind: .resolved, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 10, title: "Fortsatt driftsproblemer som berører Skatteetatens tjenester",
        summary: "Vi har fortsatt driftsproblemer som det jobbes med å få løst.",
        content: "Vi har fortsatt driftsproblemer som det jobbes med å få løst. Ny oppdatering kl. 12:15",
        categories: ["Drift"], updated: "2023-11-28T11:20:00.000Z",
        kind: .incident, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 11, title: "Flere systemer og tjenester opplever problemer",
        summary: "ra 09:50 ser vi problemer med flere systemer og tjenester.",
        content: "ra 09:50 ser vi problemer med flere systemer og tjenester. Saken har høyeste prioritet, feilsøking pågår",
        categories: ["Drift"], updated: "2023-11-28T10:35:00.000Z",
        kind: .incident, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 12, title: "Nedetid på Tjenestepensjonsavtale API tirsdag 28.11.23 kl. 09:00",
        summary:
            "Det blir noen minutters nedetid på Tjenestepensjonsavtalte API tirsdag 28. november fra kl. 09:00 som treffer brukere av OTP-api-ene.",
        content:
            "Det blir noen minutters nedetid på Tjenestepensjonsavtalte API tirsdag 28. november fra kl. 09:00 som treffer brukere av OTP-api-ene. Det gjøres en intern endring av en sikkerhetsmekanisme, og konsumentene skal ikke merke endringen utover den korte nedetiden.",
        categories: ["Drift"], updated: "2023-11-27T14:30:00.000Z",
        kind: .maintenance, apis: ["tjenestepensjonsavtale"], scope: .apis),
    // "våre delingstjenester": the API feed's own services, i.e. all.
    AtomFixtureEntry(
        index: 13, title: "Planlagt vedlikehold torsdag 16.november kl. 18.00 til kl. 22.00",
        summary:
            "Som følge av nødvendig vedlikehold torsdag 16.november fra kl. 18.00 til kl.22.00, må det påregnes noe nedetid og ustabilitet på våre delingstjenester.",
        content:
            "Som følge av nødvendig vedlikehold torsdag 16.november fra kl. 18.00 til kl.22.00, må det påregnes noe nedetid og ustabilitet på våre delingstjenester.",
        categories: ["Drift"], updated: "2023-11-14T14:00:00.000Z",
        kind: .maintenance, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 14, title: "Planlagt vedlikehold torsdag 16.november kl. 18.00 til kl. 19.00",
        summary:
            "Som følge av nødvendig vedlikehold torsdag 16.november fra kl. 18.00 til kl.19.00 må det påregnes nedetid på våre delingstjenester.",
        content:
            "Som følge av nødvendig vedlikehold torsdag 16.november fra kl. 18.00 til kl.19.00 må det påregnes nedetid på våre delingstjenester.",
        categories: ["Drift"], updated: "2023-11-14T13:00:00.000Z",
        kind: .maintenance, apis: [], scope: .all),
    // Same title as #16; this one is the outage ("nedetid ... løse problemet").
    AtomFixtureEntry(
        index: 15, title: "Driftsvarsel 13.11.2023",
        summary:
            "Det er for øyeblikket nedetid på en av Skatteetatens løsninger som påvirker Restanser API. Det jobbes med å løse problemet.",
        content:
            "Det er for øyeblikket nedetid på en av Skatteetatens løsninger som påvirker Restanser API. Det jobbes med å løse problemet. Nytt oppdatert varsel kl. 14.",
        categories: ["Drift", "Restanser"], updated: "2023-11-13T00:00:00.000Z",
        kind: .incident, apis: ["restanser"], scope: .apis),
    // Same title as #15; this one is the resolution ("nå normal drift").
    AtomFixtureEntry(
        index: 16, title: "Driftsvarsel 13.11.2023",
        summary: "Det er nå normal drift på Skatteetatens løsninger som påvirker Restanser API.",
        content: "Det er nå normal drift på Skatteetatens løsninger som påvirker Restanser API.",
        categories: ["Drift", "Restanser"], updated: "2023-11-13T00:00:00.000Z",
        kind: .resolved, apis: ["restanser"], scope: .apis),
    AtomFixtureEntry(
        index: 17, title: "Overgang til versjon 2 av Beregnet skatt API",
        summary:
            "Virksomheter som benytter Beregnet skatt versjon 1 må ta i bruk Beregnet skatt versjon 2. Den nye versjonen (v2) erstatter eksisterende versjon (v1) og det vil ikke bli tilrettelagt for nye årsversjoner på Beregnet skatt v1 fra og med inntektsår 2023.",
        content:
            "Virksomheter som benytter Beregnet skatt versjon 1 må ta i bruk Beregnet skatt versjon 2. Den nye versjonen (v2) erstatter eksisterende versjon (v1) og det vil ikke bli tilrettelagt for nye årsversjoner på Beregnet skatt v1 fra og med inntektsår 2023. Beregnet skatt v1 saneres senest 15. mars 2024. Skatteetaten vil ta kontakt med de virksomhetene som berøres for å sette opp rettighetspakke etter ny informasjonsmodell.",
        categories: ["Nyhet", "Beregnet skatt"], updated: "2023-11-08T13:35:00.000Z",
        kind: .change, apis: ["beregnetskatt"], scope: .apis),
    AtomFixtureEntry(
        index: 18, title: "Vi har driftsproblemer på en rekke av Skatteetatens systemer - 08.11.2023",
        summary: "Vi har driftsproblemer på en rekke systemer.  Saken har høyeste prioritert, og det jobbes med å få dette løst.",
        content: "Vi har driftsproblemer på en rekke systemer. Saken har høyeste prioritert, og det jobbes med å få dette løst.",
        categories: ["Drift"], updated: "2023-11-08T00:00:00.000Z",
        kind: .incident, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 19, title: "Driftsproblemer på en rekke av Skatteetatens systemer er løst - 08.11.2023",
        summary: "Driftsproblemer på en rekke systemer er nå løst.",
        content: "Driftsproblemer på en rekke systemer er nå løst.",
        categories: ["Drift"], updated: "2023-11-08T00:00:00.000Z",
        kind: .resolved, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 20, title: "Nedetid på Tjenestepensjonsavtale API 07.11.2023 kl. 9",
        summary:
            "Det blir noen minutters nedetid på Tjenestepensjonsavtalte API tirsdag 7. november fra kl. 09:00 som treffer brukere av OTP-api'ene. Det gjøres en intern endring av en sikkerhetsmekanisme, og konsumentene skal ikke merke endringen utover den korte nedetiden",
        content:
            "Det blir noen minutters nedetid på Tjenestepensjonsavtalte API tirsdag 7. november fra kl. 09:00 som treffer brukere av OTP-api'ene. Det gjøres en intern endring av en sikkerhetsmekanisme, og konsumentene skal ikke merke endringen utover den korte nedetiden",
        categories: ["Drift", "OTP"], updated: "2023-11-02T10:20:00.000Z",
        kind: .maintenance, apis: ["tjenestepensjonsavtale"], scope: .apis),
    AtomFixtureEntry(
        index: 21, title: "Skatteetaten endrer Swaggerhub URL",
        summary:
            "Skatteetaten har endret URL til Skatteetatens api'er på Swaggerhub fra https//app.swaggerhub.com/organizations/skatteetaten.",
        content:
            "Skatteetaten har endret URL til Skatteetatens api'er på Swaggerhub fra til . Lenker til vår dokumentasjon må oppdateres.",
        categories: ["Nyhet"], updated: "2023-10-30T12:00:00.000Z",
        kind: .change, apis: [], scope: .all),
    // "feil ... med api.skatteetaten.no": the shared gateway, so every API.
    AtomFixtureEntry(
        index: 22, title: "Problem i Produksjon 25. oktober",
        summary: "Det har vært en feil fra 1115, men at det kan ta inntil en time før endringen propageres.",
        content:
            "Det har vært en feil fra 11:21 med api.skatteetaten.no som har truffet konsumenter av api'ene til Skatteetaten. Feilen ble rettet 12:15, men at det kan ta inntil en time før endringen propageres.",
        categories: ["Drift"], updated: "2023-10-25T11:25:00.000Z",
        kind: .resolved, apis: [], scope: .all),
    // Tag Skatteoppgjør, but the text lists the APIs, which is more precise than the family tag.
    AtomFixtureEntry(
        index: 23, title: "Sanering av inntektsår 2016 på enkelte skatteoppgjørtjenester",
        summary:
            "Skatteetaten fjerner støtte for inntektsår 2016 i enkelte tjenester som deler skatteoppgjørsdata. Det gjelder rettighetspakker for følgende api'er:",
        content:
            "Skatteetaten fjerner støtte for inntektsår 2016 i enkelte tjenester som deler skatteoppgjørsdata. Det gjelder rettighetspakker for følgende api'er: Beregnet skatt API V1 Pensjonsgivende inntekt API Spesifisert summert skattegrunnlag API Summert skattegrunnlag API",
        categories: ["Nyhet", "Skatteoppgjør"], updated: "2023-10-09T00:00:00.000Z",
        kind: .change, apis: ["beregnetskatt", "pgi", "spesifisertsummertskattegrunnlag", "summertskattegrunnlag"], scope: .apis),
    // "fungerer som normalt": the end of the 02.10 outage.
    AtomFixtureEntry(
        index: 24, title: "Driftsvarsel 03.10.2023",
        summary: "De fleste fagapplikasjoner fungerer som normalt siden rundt 14:30 i går.",
        content: "De fleste fagapplikasjoner fungerer som normalt siden rundt 14:30 i går.",
        categories: ["Drift"], updated: "2023-10-03T00:00:00.000Z",
        kind: .resolved, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 25, title: "Vi har driftsproblemer på en rekke av Skatteetatens systemer og applikasjoner - 02.10.2023",
        summary:
            "Vi har driftsproblemer på en rekke systemer og applikasjoner.  Saken har høyeste prioritert, og det jobbes med å få dette løst.",
        content:
            "Vi har driftsproblemer på en rekke systemer og applikasjoner. Saken har høyeste prioritert, og det jobbes med å få dette løst.",
        categories: ["Drift"], updated: "2023-10-02T00:00:00.000Z",
        kind: .incident, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 26, title: "Det oppleves fortsatt ustabilitet på tjenestene til Skatteetaten - 02.10.2023",
        summary: "Kl.17:30",
        content:
            "Kl.17:30 Det oppleves fortsatt ustabilitet på tjenestene til skatteetaten. Vi jobber med å rette feilen og vil fortsette arbeidet utover kvelden.",
        categories: ["Drift"], updated: "2023-10-02T00:00:00.000Z",
        kind: .incident, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 27, title: "Vi har fortsatt driftsproblemer på en rekke av Skatteetatens systemer og applikasjoner - 02.10.2023",
        summary: "Kl.13:00",
        content:
            "Kl.13:00 Vi har fortsatt driftsproblemer på en rekke systemer og applikasjoner. Saken har høyeste prioritet, og det jobbes med løsing av feilen, sammen med interne og eksterne ressurser.",
        categories: ["Drift"], updated: "2023-10-02T00:00:00.000Z",
        kind: .incident, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 28, title: "Driftsvarsel 01.10.2023",
        summary: "Nedetid og ustabilitet søndag 1. oktober",
        content:
            "Nedetid og ustabilitet søndag 1. oktober Søndags kveld opplever vi problemer som påvirker flere av Skatteetatens tjenester. Vi arbeider med å løse feilen.",
        categories: ["Drift"], updated: "2023-10-01T00:00:00.000Z",
        kind: .incident, apis: [], scope: .all),
    // The cancellation of #30; cancels = #30's title.
    AtomFixtureEntry(
        index: 29, title: "Utgår - Varsel om vedlikehold torsdag 15. juni 2023 ",
        summary:
            "Tidligere varslet vedlikehold er allerede er utført, og  det ikke blir noe nedetid i kveld torsdag 15.juni 2023.",
        content:
            "Tidligere varslet vedlikehold er allerede er utført, og det ikke blir noe nedetid i kveld torsdag 15.juni 2023. Dette gjelder for konsumenter som benytter Skattemelding-api eller som gjør oppslag på utkast- eller fastsatt-stadiet i Summert skattegrunnlag-api eller Spesifisert summert skattegrunnlag-api.",
        categories: ["Drift", "Skattemelding", "Skatteoppgjør"], updated: "2023-06-15T00:00:00.000Z",
        kind: .cancelled, apis: ["skattemelding", "spesifisertsummertskattegrunnlag", "summertskattegrunnlag"], scope: .apis),
    AtomFixtureEntry(
        index: 30, title: "Varsel om vedlikehold torsdag 15. juni 2023",
        summary:
            "Det utføres nødvendig vedlikehold torsdag 15.juni som medfører nedetid fra kl. 18.00 til kl. 19.00 for konsumenter som benytter Skattemelding-api eller som gjør oppslag på utkast- eller fastsatt-stadiet i Summert skattegrunnlag-api eller Spesifisert summert skattegrunnlag-api.",
        content:
            "Det utføres nødvendig vedlikehold torsdag 15.juni som medfører nedetid fra kl. 18.00 til kl. 19.00 for konsumenter som benytter Skattemelding-api eller som gjør oppslag på utkast- eller fastsatt-stadiet i Summert skattegrunnlag-api eller Spesifisert summert skattegrunnlag-api.",
        categories: ["Drift", "Skattemelding", "Skatteoppgjør"], updated: "2023-06-12T00:00:00.000Z",
        kind: .maintenance, apis: ["skattemelding", "spesifisertsummertskattegrunnlag", "summertskattegrunnlag"], scope: .apis),
    // "utsatt til 3. eller 4. juni": the postponed window, not the 25. mai one in the text.
    AtomFixtureEntry(
        index: 31, title: "Planlagt nedetid på Aktiv konto API",
        summary: "OBS: Oppgraderingen er utsatt til 3. eller 4. juni.",
        content:
            "OBS: Oppgraderingen er utsatt til 3. eller 4. juni. 25. mai kl 18.00 - 19.00 skal det gjennomføres oppgradering av databasene til Aktiv konto, det vil medføre nedetid i Aktiv konto API og tjenesten vil være utilgjengelige i dette tidsrommet.",
        categories: ["Drift", "Aktiv konto"], updated: "2023-05-25T00:00:00.000Z",
        kind: .maintenance, apis: ["aktivkonto"], scope: .apis),
    AtomFixtureEntry(
        index: 32, title: "Vedlikehold",
        summary:
            "I forbindelse med nødvendig vedlikehold vil Skatteetatens tjenester være utilgjengelige i 5-20 minutter tirsdag morgen (09.05.2023). Utilgjengeligheten forventes mellom kl. 07-08.",
        content:
            "I forbindelse med nødvendig vedlikehold vil Skatteetatens tjenester være utilgjengelige i 5-20 minutter tirsdag morgen (09.05.2023). Utilgjengeligheten forventes mellom kl. 07-08. Oppdatert informasjon. Vedlikeholdet skal ikke påvirke tjenestenes tilgjengelighet. Arbeidet vi skal utføre skal derfor ikke merkes.",
        categories: ["Drift"], updated: "2023-05-08T00:00:00.000Z",
        kind: .maintenance, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 33, title: "Driftsvedlikehold lørdag 29.april  ",
        summary: "Fra lørdag 29.april kl 0900 til kl 0930 vil tjenestene våre kunne bli ustabile pga vedlikehold.",
        content: "Fra lørdag 29.april kl 0900 til kl 0930 vil tjenestene våre kunne bli ustabile pga vedlikehold.",
        categories: ["Drift"], updated: "2023-04-26T00:00:00.000Z",
        kind: .maintenance, apis: [], scope: .all),
    // Names nothing and says nothing about whose services: unknown (routed to "all" + KS).
    AtomFixtureEntry(
        index: 34, title: "Planlagt nedetid 27.April",
        summary:
            "Det er behov for å utføre nødvendig vedlikehold torsdag 27.april fra kl. 18.00 til kl. 19.00. Jobben vil medføre nedetid.",
        content:
            "Det er behov for å utføre nødvendig vedlikehold torsdag 27.april fra kl. 18.00 til kl. 19.00. Jobben vil medføre nedetid.",
        categories: ["Drift"], updated: "2023-04-25T00:00:00.000Z",
        kind: .maintenance, apis: [], scope: .all),
    // News (tag Nyhet); "Arbeidgiveravgift API" is misspelt in the feed and "Arbeidsforhold API", "Skattepliktig API/hendelser" are not in the catalog.
    AtomFixtureEntry(
        index: 35, title: "Flere tjenester støtter nytt Maskinporten-domene i test",
        summary: "Ref. tidligere info fra Digdir om ny systemarkitektur og nytt domene (test.maskinporten.no).",
        content:
            "Ref. tidligere info fra Digdir om ny systemarkitektur og nytt domene (test.maskinporten.no). Vi jobber med å tilrettelegge for at det skal være mulig å teste med både test og ver2 for Skatteetatens tjenester, og for de aller fleste tjenester er dette nå på plass. Følgende er tilrettelagt for test fra begge Maskinporten-domene den siste tiden: Arbeidsforhold API Arbeidgiveravgift API Avregning API Boligsparing for ungdom API Inntekt hendelser Mva meldingsopplysning API Næringsspesifikasjon hendelser Omregistreringsavgift API Oppdrag utenlandske virksomheter API Pensjonsgivende inntekt API Restanser API Skattemelding fastsatt hendelser Skattemelding upersonlig hendelser Skattemelding utkast hendelser Skatteoppgjør hendelser Skatteplikt API Skattepliktig API Skattepliktig hendelser Tilleggsskatt API Tilleggsskatt hendelser Flere tjenester ble listet i et . Av Skattedelingstjenestene er det kun Aktiv konto API og Pensjonsgivende inntekt for folketrygden API som gjenstår pt.",
        categories: ["Nyhet", "Maskinporten", "Test"], updated: "2023-04-25T00:00:00.000Z",
        kind: .news,
        apis: [
            // "Maskinporten" (the platform, catalog kind "platform") is named in the title and category.
            "aktivkonto", "avregning", "bsu", "inntekthendelser", "maskinporten", "mvameldingsopplysning",
            "naeringsspesifikasjonhendelser",
            "omregistreringsavgift", "oppdragutenlandskevirksomheter", "pgi", "pgiforfolketrygden", "restanser",
            "skattemeldingfastsatthendelser", "skattemeldingupersonlighendelser", "skattemeldingutkasthendelser",
            "skatteoppgjoerhendelser", "skatteplikt", "tilleggsskatt", "tilleggsskatthendelser",
        ], scope: .apis),
    AtomFixtureEntry(
        index: 36, title: "Planlagt nedetid 20.April",
        summary:
            "Det er behov for å utføre nødvendig vedlikehold i produksjonsmiljøet, torsdag 20. april fra kl. 18.00 til kl. 19.00. Jobben vil medfører nedetid.",
        content:
            "Det er behov for å utføre nødvendig vedlikehold i produksjonsmiljøet, torsdag 20. april fra kl. 18.00 til kl. 19.00. Jobben vil medfører nedetid.",
        categories: ["Drift"], updated: "2023-04-18T00:00:00.000Z",
        kind: .maintenance, apis: [], scope: .all),
    AtomFixtureEntry(
        index: 37, title: "Planlagt nedetid torsdag 13.april kl 18.00 til kl 19.00",
        summary:
            "Det er behov for å utføre nødvendig vedlikehold torsdag 13. april fra kl. 18.00 til kl. 19.00. Jobben vil medfører nedetid.",
        content:
            "Det er behov for å utføre nødvendig vedlikehold torsdag 13. april fra kl. 18.00 til kl. 19.00. Jobben vil medfører nedetid.",
        categories: ["Drift"], updated: "2023-04-11T00:00:00.000Z",
        kind: .maintenance, apis: [], scope: .all),
    // News; "er i gang med å tilrettelegge" is not an incident (tag Nyhet).
    AtomFixtureEntry(
        index: 38, title: "Tjenester som støtter nytt Maskinporten-domene i test",
        summary: "Ref. info fra Digdir om ny systemarkitektur og nytt domene (test.maskinporten.no).",
        content:
            "Ref. info fra Digdir om ny systemarkitektur og nytt domene (test.maskinporten.no). Skatteetaten er i gang med å tilrettelegge for at det skal være mulig å teste med både test og ver2 for Skatteetatens tjenester, og for enkelte tjenester er dette nå på plass: Beregnet skatt API Inntekt API Inntektsmottakere API Mva-melding API Mva-register - avgiftssubjekter med skattemeldingsplikt API Næringsspesifikasjon API Skattemelding API Skattemelding upersonlig API Spesifisert summert skattegrunnlag API Summert skattegrunnlag API Tilgjengeligdata API Tjenestepensjonsavtale API Trukket kildeskatt på lønn API  Vi fortsetter med de resterende tjenestene, og vil ta de løpende fremover.",
        categories: ["Nyhet", "Maskinporten", "Test"], updated: "2023-03-07T00:00:00.000Z",
        kind: .news,
        apis: [
            // "Maskinporten" (the platform, catalog kind "platform") is named in the title and category.
            "beregnetskatt", "inntekt", "inntektsmottakere", "maskinporten", "mvamelding", "mvaregister",
            "naeringsspesifikasjon",
            "sistetilgjengeligeskatteoppgjoer", "skattemelding", "skattemeldingupersonlig", "spesifisertsummertskattegrunnlag",
            "summertskattegrunnlag", "tjenestepensjonsavtale", "trukketkildeskattpaaloenn",
        ], scope: .apis),
    // News: support for a new income year, no change words.
    AtomFixtureEntry(
        index: 39, title: "Støtte for inntektsår 2022 for skatteoppgjørstjenestene",
        summary: "Skatteoppgjørstjenestene er nå klare for ekstern test for inntektsår 2022.",
        content:
            "Skatteoppgjørstjenestene er nå klare for ekstern test for inntektsår 2022. Det gjelder følgene tjenester: Avregning API Beregnet Skatt API Pensjonsgivende inntekt API Tilgjengeligdata API, Skatteplikt API Summert skattegrunnlag API Spesifisert summert skattegrunnlag API Endelig kodeliste for Summert skattegrunnlag og Spesifisert summert skattegrunnlag er ikke implementert i Test pt., men blir tilgjengelig i starten av mars. Testdata er tilrettelagt og vi oppfordrer til å benytte Tenor testdatasøk for å finne relevante testdata. Første skatteoppgjør for 2022 vil være tilgjengelig i Produksjon fra 25. mars.",
        categories: ["Nyhet", "Skatteoppgjør"], updated: "2023-02-14T14:45:00.000Z",
        kind: .change,  // labelled change or news; the text's "Testdata" says change
        apis: [
            "avregning", "beregnetskatt", "pgi", "sistetilgjengeligeskatteoppgjoer", "skatteplikt",
            "spesifisertsummertskattegrunnlag", "summertskattegrunnlag",
        ], scope: .apis),
    AtomFixtureEntry(
        index: 40, title: "Inntekt API med støtte for inntektsår 2023 er i Test og Produksjon",
        summary:
            "Ref. varsel om Årsrevisjon Inntekt API 2023 så er Inntekt API nå oppdatert i både Test og Produksjon for inntektsår 2023.",
        content:
            "Ref. varsel om så er Inntekt API nå oppdatert i både Test og Produksjon for inntektsår 2023. Nye felter er ikke ennå søkbare i Tenor, men følgende identifikatorer har data: Nye lønnsbeskrivelser: 22900049246, 11840049681, 21811849224, 16822349505, 15869699761 alderspensjonSkjermingstillegg: 29845699605, 27835698934, 13915698713, 08875696980, 15815699103",
        categories: ["Nyhet", "Inntekt"], updated: "2023-01-20T14:55:00.000Z",
        kind: .change, apis: ["inntekt"], scope: .apis),
    AtomFixtureEntry(
        index: 41, title: "Årsrevisjon Inntekt API 2023",
        summary: "Følgende endringer i A-ordningen for inntektsår 2022 og 2023 vil påvirke konsumentene av Inntekt API.",
        content:
            "Følgende endringer i A-ordningen for inntektsår 2022 og 2023 vil påvirke konsumentene av Inntekt API. Nye lønnsbeskrivelser vil bli tilgjengelig for tjenesten i Skatteetatens testmiljø medio januar 2023, og i Produksjon innen 5. februar 2023. Lønnsbeskrivelser som utgår ​ reiseKostMedOvernattingPaaHybelBrakkePrivat gjelder til 1.1.2023 Hybel uten kokemulighet flyttes til ny lønnsbeskrivelse reiseKostMedOvernattingPaaHybelUtenKokEllerPensjonatEllerBrakke Brakke flyttes til ny lønnsbeskrivelse reiseKostMedOvernattingPaaHybelUtenKokEllerPensjonatEllerBrakke Øvrige flyttes til ny lønnsbeskrivelse reiseKostMedOvernattingPaaHybelMedKokEllerPrivat reiseKostMedOvernattingPaaPensjonat gjelder til 1.1.2023 Vil få ny lønnsbeskrivelse reiseKostMedOvernattingPaaHybelUtenKokEllerPensjonatEllerBrakke Nye lønnsbeskrivelser ​ reiseKostMedOvernattingPaaHybelMedKokEllerPrivat – gjelder fra 1.1.2023 reiseKostMedOvernattingPaaHybelUtenKokEllerPensjonatEllerBrakke - gjelder fra 1.1.2023 Det legges til grunn at de rettighetspakkene som allerede mottar lønnsbeskrivelsene som utgår også skal motta de to nye lønnsbeskrivelsene. Ny pensjonEllerTrygd-beskrivelse alderspensjonSkjermingstillegg innført i 2022 ​ Gjelder fom 1. august 2022 Skjermingstillegg ble tidligere utbetalt sammen med alderspensjon og ble fra 2021 skilt ut som egen beskrivelse da den skal skattlegges annerledes for de som kun har skjermingstillegg og ikke alderspensjon. Forholdet gjelder svært få personer. Det legges til grunn at de rettighetspakkene som inneholder alderspensjon (fra NAV) også skal motta det nye skjermingstillegget.",
        categories: ["Nyhet", "Inntekt"], updated: "2022-12-19T15:00:00.000Z",
        kind: .change, apis: ["inntekt"], scope: .apis),
]
