import Routing
import Testing
import VarselModel

/// `Subscription.minSeverity`: a change whose source states a lower severity reaches that
/// subscriber through no rule, except KS's safety net; a change without severity always passes.
@Suite struct SeverityRoutingTests {
    static func majorOnly(_ subscriber: Subscriber, _ minimum: Severity = .major) -> Subscriber {
        var copy = subscriber
        copy.subscription.minSeverity = minimum
        return copy
    }

    @Test func changeBelowMinSeverityReachesTheSubscriberThroughNoRule() {
        var oslo = Self.majorOnly(Subscribers.oslo)
        oslo.subscription.everything = true
        oslo.subscription.apis = ["summertskattegrunnlag"]
        let router = Router(catalog: realCatalog, subscribers: [oslo])
        for apis in [["summertskattegrunnlag"], ["maskinporten"], []] {
            let scope: NoticeScope = apis.isEmpty ? .all : .apis
            let outcome = router.route(change(kind: .incident, apis: apis, scope: scope, severity: .minor))
            #expect(outcome.deliveries.isEmpty, "\(apis)")
            #expect(outcome.note.hasSuffix("; 1 abonnent holdt tilbake av min_severity (alvorlighetsgrad minor)"), "\(apis)")
        }
        let unmatched = router.route(change(kind: .incident, apis: [], scope: .unknown, severity: Severity.none))
        #expect(unmatched.deliveries.isEmpty)
    }

    @Test(arguments: [Severity.major, .critical])
    func changeAtOrAboveMinSeverityPasses(severity: Severity) {
        let router = Router(catalog: realCatalog, subscribers: [Self.majorOnly(Subscribers.oslo)])
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"], severity: severity))
        #expect(outcome.reasons == ["0301-oslo service:foreldrebetaling"])
        #expect(!outcome.note.contains("min_severity"))
    }

    @Test func feedNoticeWithoutSeverityPassesMinSeverity() {
        let router = Router(catalog: realCatalog, subscribers: [Self.majorOnly(Subscribers.oslo, .critical)])
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"], severity: nil))
        #expect(outcome.reasons == ["0301-oslo service:foreldrebetaling"])
        #expect(outcome.note == "1 abonnent, 2 leveranser (e-post 1, webhook 1)")
    }

    @Test func ksSafetyNetIgnoresMinSeverityForUnrecognisedNoticesOnly() {
        let ks = Self.majorOnly(Subscribers.ks, .critical)
        var everything = Self.majorOnly(Subscribers.trondheim, .critical)
        everything.subscription = Subscription(everything: true, minSeverity: .critical)
        let router = Router(catalog: realCatalog, subscribers: [ks, everything])
        // Unrecognised: KS still hears of it; an "all" municipality does not.
        let unrecognised = router.route(change(kind: .incident, apis: [], scope: .unknown, severity: .minor))
        #expect(unrecognised.reasons == ["ks-support unmatched"])
        #expect(
            unrecognised.note
                == "ingen API gjenkjent: 1 abonnent, 1 leveranse (e-post 1); 1 abonnent holdt tilbake av min_severity (alvorlighetsgrad minor)"
        )
        // Recognised: KS's own "all" subscription follows its filter.
        let recognised = router.route(change(kind: .incident, apis: ["inntekt"], severity: .major))
        #expect(recognised.deliveries.isEmpty)
        #expect(
            recognised.note == "ingen abonnent for inntekt; 2 abonnenter holdt tilbake av min_severity (alvorlighetsgrad major)")
    }

    @Test func vendorActingForAMunicipalityUsesTheStricterSeverity() {
        let oslo = Self.majorOnly(Subscribers.oslo)
        let router = Router(catalog: realCatalog, subscribers: [oslo, Subscribers.vendor])
        // Oslo wants major and up: neither it nor the vendor acting for it hears of a minor one.
        let minor = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"], severity: .minor))
        #expect(minor.deliveries.isEmpty)
        #expect(minor.note.hasSuffix("2 abonnenter holdt tilbake av min_severity (alvorlighetsgrad minor)"))
        // The vendor wants critical only: Oslo hears of a major one, the vendor does not.
        let strictVendor = Router(catalog: realCatalog, subscribers: [oslo, Self.majorOnly(Subscribers.vendor, .critical)])
        let major = strictVendor.route(change(kind: .incident, apis: ["summertskattegrunnlag"], severity: .major))
        #expect(major.reasons == ["0301-oslo service:foreldrebetaling"])
        #expect(major.note.hasSuffix("; 1 abonnent holdt tilbake av min_severity (alvorlighetsgrad major)"))
    }

    @Test func subscriberHeldBackOnOneRuleButMatchedByAnotherIsNotCountedAsHeldBack() {
        // The vendor follows Summert skattegrunnlag itself (no filter) and acts for Oslo (major and up).
        var vendor = Subscribers.vendor
        vendor.subscription = Subscription(apis: ["summertskattegrunnlag"])
        let router = Router(catalog: realCatalog, subscribers: [Self.majorOnly(Subscribers.oslo), vendor])
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"], severity: .minor))
        #expect(outcome.reasons == ["vendor-acme api:summertskattegrunnlag"])
        #expect(outcome.note.hasSuffix("; 1 abonnent holdt tilbake av min_severity (alvorlighetsgrad minor)"))
    }

    @Test func minorMaskinportenIncidentSkipsSubscribersWantingMajor() {
        let router = Router(catalog: realCatalog, subscribers: [Self.majorOnly(Subscribers.oslo), Subscribers.drammen])
        let outcome = router.route(change(kind: .incident, apis: ["maskinporten"], severity: .minor))
        #expect(outcome.reasons == ["3301-drammen platform:maskinporten"])
        #expect(
            outcome.note
                == "Maskinporten: alle API-er som krever Maskinporten; 1 abonnent, 1 leveranse (e-post 1); "
                + "1 abonnent holdt tilbake av min_severity (alvorlighetsgrad minor)")
    }
}
