import Routing
import Testing
import VarselModel

/// A vendor acting for municipalities gets what they get, once.
@Suite struct VendorRoutingTests {
    @Test func vendorGetsOneDeliveryPerChannelWhenActingForTwoMatchingMunicipalities() {
        let router = Router(catalog: realCatalog, subscribers: Subscribers.all)
        // Summert skattegrunnlag incident: both Oslo and Bergen match.
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"]))
        let vendor = outcome.deliveries.filter { $0.subscriberID == Subscribers.vendor.id }
        #expect(vendor.map(\.channel) == [.email, .webhook])
        #expect(vendor.allSatisfy { $0.reason == "for:0301" && $0.subscriberKind == .vendor })
    }

    @Test func vendorUsesTheMunicipalitysKindFilter() {
        var vendor = Subscribers.vendor
        vendor.actsFor = ["4601"]
        let router = Router(catalog: realCatalog, subscribers: [Subscribers.bergen, vendor])
        #expect(router.route(change(kind: .news, apis: ["inntekt"])).deliveries.isEmpty)
        #expect(
            router.route(change(kind: .maintenance, apis: ["inntekt"])).reasons
                == ["4601-bergen service:boligsosial", "vendor-acme for:4601"])
    }

    @Test func vendorsOwnSubscriptionIsTheReasonBeforeAMunicipalitys() {
        var vendor = Subscribers.vendor
        vendor.subscription = Subscription(apis: ["summertskattegrunnlag"])
        let router = Router(catalog: realCatalog, subscribers: [Subscribers.oslo, vendor])
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"]))
        #expect(outcome.reasons == ["0301-oslo service:foreldrebetaling", "vendor-acme api:summertskattegrunnlag"])
    }

    @Test func vendorActingForAMunicipalityThatIsNotSubscribedGetsNothingFromIt() {
        var vendor = Subscribers.vendor
        vendor.actsFor = ["1103"]
        let router = Router(catalog: realCatalog, subscribers: [Subscribers.oslo, vendor])
        let outcome = router.route(change(kind: .incident, apis: ["summertskattegrunnlag"]))
        #expect(outcome.reasons == ["0301-oslo service:foreldrebetaling"])
    }

    @Test func vendorActingForAnEverythingMunicipalityGetsItsUnmatchedNotices() {
        var oslo = Subscribers.oslo
        oslo.subscription = Subscription(everything: true)
        var vendor = Subscribers.vendor
        vendor.actsFor = ["0301"]
        let router = Router(catalog: realCatalog, subscribers: [oslo, vendor])
        let outcome = router.route(change(kind: .incident, apis: [], scope: .unknown))
        #expect(outcome.reasons == ["0301-oslo unmatched", "vendor-acme for:0301"])
    }

    @Test func vendorDoesNotInheritTheKSSafetyNet() {
        // Only a municipality's subscription is inherited; acting for a number a KS subscriber
        // happens to carry adds nothing.
        var ks = Subscribers.ks
        ks.subscription = Subscription()
        ks.municipalityNumber = "0301"
        var vendor = Subscribers.vendor
        vendor.actsFor = ["0301"]
        let router = Router(catalog: realCatalog, subscribers: [ks, vendor])
        #expect(router.route(change(kind: .incident, apis: [], scope: .unknown)).reasons == ["ks-support unmatched"])
    }
}
