import Routing
import Testing
import VarselModel

/// `Subscription.environments`: a change reaches a subscriber only if its notice concerns an
/// environment the subscriber follows, through every rule except KS's safety net for
/// unrecognised notices. Subscribers here carry their kind's default, as the config loader gives.
@Suite struct EnvironmentRoutingTests {
    static func withDefaults(_ subscriber: Subscriber) -> Subscriber {
        var copy = subscriber
        copy.subscription.environments = subscriber.kind.defaultEnvironments
        return copy
    }

    static func following(_ subscriber: Subscriber, _ environments: Set<NoticeEnvironment>) -> Subscriber {
        var copy = subscriber
        copy.subscription.environments = environments
        return copy
    }

    /// Oslo (service foreldrebetaling) and a vendor following Summert skattegrunnlag itself, both
    /// with their kind's default environments.
    static var osloAndVendor: [Subscriber] {
        var vendor = withDefaults(Subscribers.vendor)
        vendor.subscription.apis = ["summertskattegrunnlag"]
        vendor.actsFor = []
        return [withDefaults(Subscribers.oslo), vendor]
    }

    @Test func testOnlyNoticeReachesADefaultVendorButNotADefaultMunicipality() {
        let router = Router(catalog: realCatalog, subscribers: Self.osloAndVendor)
        let outcome = router.route(change(kind: .maintenance, apis: ["summertskattegrunnlag"], environment: .test))
        #expect(outcome.reasons == ["vendor-acme api:summertskattegrunnlag"])
        #expect(
            outcome.note
                == "1 abonnent, 2 leveranser (e-post 1, webhook 1); 1 abonnent holdt tilbake av environments (miljø test)")
    }

    @Test(arguments: [NoticeEnvironment.production, .both])
    func productionOrBothNoticeReachesVendorAndMunicipality(environment: NoticeEnvironment) {
        let router = Router(catalog: realCatalog, subscribers: Self.osloAndVendor)
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"], environment: environment))
        #expect(outcome.reasons == ["0301-oslo service:foreldrebetaling", "vendor-acme api:summertskattegrunnlag"])
        #expect(!outcome.note.contains("environments"))
    }

    @Test func municipalityThatOptedIntoTestGetsTestNotices() {
        let oslo = Self.following(Subscribers.oslo, [.production, .test])
        let router = Router(catalog: realCatalog, subscribers: [oslo, Self.withDefaults(Subscribers.bergen)])
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"], environment: .test))
        #expect(outcome.reasons == ["0301-oslo service:foreldrebetaling"])
    }

    @Test func vendorFollowingOnlyTestMissesProductionNotices() {
        var vendor = Self.following(Subscribers.vendor, [.test])
        vendor.subscription.apis = ["summertskattegrunnlag"]
        let router = Router(catalog: realCatalog, subscribers: [vendor])
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"], environment: .production))
        #expect(outcome.deliveries.isEmpty)
        #expect(
            outcome.note
                == "ingen abonnent for summertskattegrunnlag; 1 abonnent holdt tilbake av environments (miljø production)")
    }

    @Test func ksSafetyNetGetsAnUnrecognisedTestNoticeButNotAnAllMunicipality() {
        var everything = Self.withDefaults(Subscribers.trondheim)
        everything.subscription.everything = true
        let router = Router(catalog: realCatalog, subscribers: [Self.withDefaults(Subscribers.ks), everything])
        let unrecognised = router.route(change(kind: .incident, apis: [], scope: .unknown, environment: .test))
        #expect(unrecognised.reasons == ["ks-support unmatched"])
        #expect(
            unrecognised.note
                == "ingen API gjenkjent: 1 abonnent, 1 leveranse (e-post 1); 1 abonnent holdt tilbake av environments (miljø test)"
        )
    }

    @Test func ksOwnSubscriptionHonoursItsEnvironments() {
        let router = Router(catalog: realCatalog, subscribers: [Self.withDefaults(Subscribers.ks)])
        // Recognised: KS's own "all" subscription follows production only.
        let test = router.route(change(kind: .incident, apis: ["inntekt"], environment: .test))
        #expect(test.deliveries.isEmpty)
        #expect(test.note == "ingen abonnent for inntekt; 1 abonnent holdt tilbake av environments (miljø test)")
        let general = router.route(change(kind: .news, apis: [], scope: .all, environment: .test))
        #expect(general.deliveries.isEmpty)
        #expect(router.route(change(kind: .incident, apis: ["inntekt"], environment: .production)).reasons == ["ks-support all"])
    }

    @Test func vendorActingForAProductionOnlyMunicipalityUsesItsOwnEnvironments() {
        let oslo = Self.withDefaults(Subscribers.oslo)
        var vendor = Self.withDefaults(Subscribers.vendor)
        vendor.actsFor = ["0301"]
        let router = Router(catalog: realCatalog, subscribers: [oslo, vendor])
        // The vendor builds against test for Oslo: it hears of the test notice Oslo is spared.
        let test = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"], environment: .test))
        #expect(test.reasons == ["vendor-acme for:0301"])
        #expect(test.note.hasSuffix("; 1 abonnent holdt tilbake av environments (miljø test)"))
        // A vendor following production only does not get a test notice through Oslo either.
        let productionVendor = Router(
            catalog: realCatalog,
            subscribers: [Self.following(Subscribers.oslo, [.production, .test]), Self.following(vendor, [.production])])
        let held = productionVendor.route(change(kind: .incident, apis: ["summertskattegrunnlag"], environment: .test))
        #expect(held.reasons == ["0301-oslo service:foreldrebetaling"])
        #expect(held.note.hasSuffix("; 1 abonnent holdt tilbake av environments (miljø test)"))
    }

    @Test func noteCountsEveryHeldBackSubscriberOnceAndBeforeSeverity() {
        // All four follow production only; Trondheim also wants major and up.
        var trondheim = Self.withDefaults(Subscribers.trondheim)
        trondheim.subscription = Subscription(everything: true, minSeverity: .major)
        var drammen = Self.withDefaults(Subscribers.drammen)
        drammen.subscription.everything = true
        let router = Router(
            catalog: realCatalog,
            subscribers: [Self.withDefaults(Subscribers.oslo), Self.withDefaults(Subscribers.bergen), drammen, trondheim])
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"], severity: .minor, environment: .test))
        #expect(outcome.deliveries.isEmpty)
        // Oslo and Bergen (services), Drammen and Trondheim (all) are held back by the
        // environment; Trondheim is not counted again for its severity.
        #expect(
            outcome.note == "ingen abonnent for summertskattegrunnlag; 4 abonnenter holdt tilbake av environments (miljø test)")
        let production = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"], severity: .minor))
        #expect(
            production.reasons == ["0301-oslo service:foreldrebetaling", "3301-drammen all", "4601-bergen service:boligsosial"])
        #expect(production.note.hasSuffix("; 1 abonnent holdt tilbake av min_severity (alvorlighetsgrad minor)"))
    }

    @Test func subscriberWithTheModelDefaultIsNeverHeldBackFromProductionNotices() {
        // Every existing subscription (environments [.production]) hears production as before.
        let router = Router(catalog: realCatalog, subscribers: Subscribers.all)
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"]))
        #expect(!outcome.note.contains("environments"))
        #expect(!outcome.deliveries.isEmpty)
    }
}
