import Routing
import Testing
import VarselModel

/// A notice about a platform (catalog kind "platform", e.g. Maskinporten) reaches the subscribers
/// of every API that depends on it, against the real catalog (every Skatteetaten API there
/// depends on Maskinporten).
@Suite struct PlatformRoutingTests {
    /// A municipality subscribed to Summert skattegrunnlag API itself, and a vendor acting for it.
    static let kristiansand = Subscriber(
        id: SubscriberID("4204-kristiansand"), kind: .municipality, name: "Kristiansand kommune", orgNumber: "963296746",
        municipalityNumber: "4204", emails: ["drift@kristiansand.example"],
        subscription: Subscription(apis: ["summertskattegrunnlag"]))
    static let kristiansandVendor = Subscriber(
        id: SubscriberID("vendor-sor"), kind: .vendor, name: "Sør Systemer AS", orgNumber: "912345678",
        emails: ["vakt@sor.example"], subscription: Subscription(), actsFor: ["4204"])
    static let maskinportenOnly = Subscriber(
        id: SubscriberID("digdir-watcher"), kind: .vendor, name: "Token-overvåking AS", orgNumber: "912345678",
        emails: ["vakt@token.example"], subscription: Subscription(apis: ["maskinporten"]))

    @Test func maskinportenIncidentReachesAMunicipalityOfSummertSkattegrunnlagAndItsVendorWithThePlatformReason() {
        let router = Router(catalog: realCatalog, subscribers: [Self.kristiansand, Self.kristiansandVendor])
        let outcome = router.route(change(kind: .incident, apis: ["maskinporten"]))
        #expect(
            outcome.reasons == ["4204-kristiansand platform:maskinporten", "vendor-sor for:4204,platform:maskinporten"])
        #expect(outcome.note == "Maskinporten: alle API-er som krever Maskinporten; 2 abonnenter, 2 leveranser (e-post 2)")
    }

    @Test func maskinportenIncidentReachesSubscribersThroughServicesAndEveryDependentAPI() {
        let outcome = Router(catalog: realCatalog, subscribers: Subscribers.all).route(
            change(kind: .incident, apis: ["maskinporten"]))
        // Oslo through foreldrebetaling, Drammen through Restanser, Bergen through boligsosial,
        // Trondheim through Folkeregisteret; KS by "all"; the vendor for Oslo (its first number).
        #expect(
            outcome.reasons == [
                "0301-oslo platform:maskinporten", "3301-drammen platform:maskinporten", "4601-bergen platform:maskinporten",
                "5001-trondheim platform:maskinporten", "ks-support all", "vendor-acme for:0301,platform:maskinporten",
            ])
    }

    @Test func directSubscriberOfThePlatformGetsItAsItsAPI() {
        let router = Router(catalog: realCatalog, subscribers: [Self.maskinportenOnly, Self.kristiansand])
        let outcome = router.route(change(kind: .incident, apis: ["maskinporten"]))
        #expect(outcome.reasons == ["4204-kristiansand platform:maskinporten", "digdir-watcher api:maskinporten"])
    }

    @Test func skatteetatenAPINoticeDoesNotReachASubscriberOfOnlyMaskinporten() {
        let router = Router(catalog: realCatalog, subscribers: [Self.maskinportenOnly, Self.kristiansand])
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"]))
        #expect(outcome.reasons == ["4204-kristiansand api:summertskattegrunnlag"])
        #expect(outcome.note == "1 abonnent, 1 leveranse (e-post 1)")
    }

    @Test func platformNoticeThatAlsoNamesAnAPIKeepsTheDirectReasons() {
        let router = Router(catalog: realCatalog, subscribers: [Self.kristiansand, Self.kristiansandVendor])
        let outcome = router.route(change(kind: .incident, apis: ["maskinporten", "summertskattegrunnlag"]))
        #expect(outcome.reasons == ["4204-kristiansand api:summertskattegrunnlag", "vendor-sor for:4204"])
    }

    @Test func platformNoticeFollowsTheKindFilter() {
        // Bergen follows incidents and maintenance only.
        let router = Router(catalog: realCatalog, subscribers: [Subscribers.bergen])
        #expect(router.route(change(kind: .news, apis: ["maskinporten"])).deliveries.isEmpty)
        #expect(router.route(change(kind: .maintenance, apis: ["maskinporten"])).reasons == ["4601-bergen platform:maskinporten"])
    }

    @Test func platformNobodyDependsOnReachesOnlyItsOwnSubscribers() {
        // No catalog API depends on ID-porten: a notice about it is only for who follows it.
        var idporten = Self.maskinportenOnly
        idporten.subscription = Subscription(apis: ["idporten"])
        let router = Router(catalog: realCatalog, subscribers: [idporten, Self.kristiansand])
        let outcome = router.route(change(kind: .incident, apis: ["idporten"]))
        #expect(outcome.reasons == ["digdir-watcher api:idporten"])
        #expect(outcome.note == "1 abonnent, 1 leveranse (e-post 1)")
    }

    @Test func platformDependingOnAPlatformPassesItsNoticesOn() {
        // An API behind Altinn, and Altinn needing Maskinporten: a Maskinporten incident reaches
        // the API's subscribers and Altinn's.
        let catalog = Catalog(apis: [
            CatalogAPI(id: "delegert", name: "Delegert API", dependsOn: ["altinn"]),
            CatalogAPI(id: "altinn", name: "Altinn", kind: .platform, dependsOn: ["maskinporten"]),
            CatalogAPI(id: "maskinporten", name: "Maskinporten", kind: .platform),
        ])
        var api = Self.kristiansand
        api.subscription = Subscription(apis: ["delegert"])
        var altinn = Self.maskinportenOnly
        altinn.subscription = Subscription(apis: ["altinn"])
        let outcome = Router(catalog: catalog, subscribers: [api, altinn]).route(change(kind: .incident, apis: ["maskinporten"]))
        #expect(outcome.reasons == ["4204-kristiansand platform:maskinporten", "digdir-watcher platform:maskinporten"])
        let viaAltinn = Router(catalog: catalog, subscribers: [api, altinn]).route(change(kind: .incident, apis: ["altinn"]))
        #expect(viaAltinn.reasons == ["4204-kristiansand platform:altinn", "digdir-watcher api:altinn"])
        #expect(viaAltinn.note == "Altinn: alle API-er som krever Altinn; 2 abonnenter, 2 leveranser (e-post 2)")
    }
}
