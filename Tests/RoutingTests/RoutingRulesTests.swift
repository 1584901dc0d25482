import Routing
import Testing
import VarselModel

/// The matching rules, one behaviour per test, with hand-made changes against the real catalog.
@Suite struct RoutingRulesTests {
    let router = Router(catalog: realCatalog, subscribers: Subscribers.all)

    @Test(arguments: [(ChangeType.baseline, "grunnlinje: varsles ikke"), (.expired, "utløpt: varsles ikke")])
    func nonAlertingChangeRoutesToNoOneWithANote(type: ChangeType, note: String) {
        // Even a notice that KS and Oslo would otherwise get.
        let outcome = router.route(change(type, kind: .incident, apis: ["summertskattegrunnlag"]))
        #expect(outcome.deliveries.isEmpty)
        #expect(outcome.note == note)
    }

    @Test(arguments: [ChangeType.new, .changed, .withdrawn, .reappeared])
    func everyAlertingChangeTypeRoutesTheSame(type: ChangeType) {
        let outcome = router.route(change(type, kind: .incident, apis: ["summertskattegrunnlag"]))
        #expect(
            outcome.reasons == [
                "0301-oslo service:foreldrebetaling", "4601-bergen service:boligsosial", "ks-support all",
                "vendor-acme for:0301",
            ])
    }

    @Test func unmatchedNoticeGoesToKSAndEverythingSubscribersOnly() {
        let everythingMunicipality = Subscriber(
            id: SubscriberID("1103-stavanger"), kind: .municipality, name: "Stavanger kommune", orgNumber: "964965226",
            municipalityNumber: "1103", emails: ["drift@stavanger.example"], subscription: Subscription(everything: true))
        let router = Router(catalog: realCatalog, subscribers: Subscribers.all + [everythingMunicipality])
        let outcome = router.route(change(kind: .incident, apis: [], scope: .unknown))
        #expect(outcome.reasons == ["1103-stavanger unmatched", "ks-support unmatched"])
    }

    @Test func ksGetsAnUnmatchedNoticeDespiteItsKindFilter() {
        var ks = Subscribers.ks
        ks.subscription = Subscription(apis: ["inntekt"], kinds: [.incident])
        var everything = Subscribers.trondheim
        everything.subscription = Subscription(everything: true, kinds: [.incident])
        let router = Router(catalog: realCatalog, subscribers: [ks, everything])

        let news = router.route(change(kind: .news, apis: [], scope: .unknown))
        #expect(news.reasons == ["ks-support unmatched"])
        // ... but not a recognised notice its filter excludes.
        #expect(router.route(change(kind: .news, apis: ["inntekt"])).deliveries.isEmpty)
    }

    @Test func kindFilterExcludesOtherKinds() {
        let news = router.route(change(kind: .change, apis: ["inntekt"]))
        #expect(news.reasons == ["ks-support all"])
        let incident = router.route(change(kind: .incident, apis: ["inntekt"]))
        #expect(incident.reasons == ["4601-bergen service:boligsosial", "ks-support all", "vendor-acme for:4601"])
    }

    @Test func kindFilterLetsThroughTheEndOfWhatItFollows() {
        // Bergen follows incidents and maintenance: it hears when an incident is resolved and
        // when maintenance is cancelled, but not of news.
        let resolved = router.route(change(kind: .resolved, apis: ["inntekt"]))
        #expect(resolved.reasons == ["4601-bergen service:boligsosial", "ks-support all", "vendor-acme for:4601"])
        let cancelled = router.route(change(kind: .cancelled, apis: ["inntekt"]))
        #expect(cancelled.reasons == ["4601-bergen service:boligsosial", "ks-support all", "vendor-acme for:4601"])
        #expect(router.route(change(kind: .news, apis: ["inntekt"])).reasons == ["ks-support all"])
        var incidentsOnly = Subscribers.bergen
        incidentsOnly.subscription.kinds = [.incident]
        let narrow = Router(catalog: realCatalog, subscribers: [incidentsOnly])
        #expect(narrow.route(change(kind: .cancelled, apis: ["inntekt"])).deliveries.isEmpty)
    }

    @Test func directAPISubscriptionMatchesAndNamesTheAPI() {
        var oslo = Subscribers.oslo
        oslo.subscription = Subscription(apis: ["restanser", "kravogbetalinger"], services: ["foreldrebetaling"])
        let router = Router(catalog: realCatalog, subscribers: [oslo])
        // Both APIs match: the alphabetically first subscribed API is the reason.
        let outcome = router.route(change(kind: .resolved, apis: ["kravogbetalinger", "restanser"]))
        #expect(outcome.reasons == ["0301-oslo api:kravogbetalinger"])
        // A named API beats a service.
        oslo.subscription.apis = ["summertskattegrunnlag"]
        let named = Router(catalog: realCatalog, subscribers: [oslo]).route(
            change(kind: .incident, apis: ["summertskattegrunnlag"]))
        #expect(named.reasons == ["0301-oslo api:summertskattegrunnlag"])
    }

    @Test func generalNoticeSkipsSubscribersWithoutAnySubscription() {
        var empty = Subscribers.drammen
        empty.subscription = Subscription()
        let router = Router(catalog: realCatalog, subscribers: [empty, Subscribers.trondheim])
        let outcome = router.route(change(kind: .incident, apis: [], scope: .all))
        #expect(outcome.reasons == ["5001-trondheim scope:all"])
    }

    @Test func nobodyMatchedNoteNamesTheAPIs() {
        let router = Router(catalog: realCatalog, subscribers: [Subscribers.trondheim, Subscribers.oslo])
        let outcome = router.route(change(kind: .incident, apis: ["inntekt", "restanser"]))
        #expect(outcome.deliveries.isEmpty)
        #expect(outcome.note == "ingen abonnent for inntekt, restanser")
    }

    @Test func nobodyMatchedAnUnrecognisedNoticeIsRecordedAsSuch() {
        let outcome = Router(catalog: realCatalog, subscribers: [Subscribers.oslo]).route(
            change(kind: .incident, apis: [], scope: .unknown))
        #expect(outcome.deliveries.isEmpty)
        #expect(outcome.note == "ingen abonnent: ingen API gjenkjent, og ingen KS- eller alle-abonnent")
    }

    @Test func noSubscribersAtAllRoutesToNoOneWithANote() {
        let outcome = Router(catalog: realCatalog, subscribers: []).route(change(kind: .incident, apis: [], scope: .all))
        #expect(outcome.deliveries.isEmpty)
        #expect(outcome.note == "ingen abonnent for Skatteetatens tjenester generelt")
    }

    @Test func emptyAPIListWithAPIScopeIsTreatedAsUnmatched() {
        let outcome = router.route(change(kind: .incident, apis: [], scope: .apis))
        #expect(outcome.reasons == ["ks-support unmatched"])
    }
}
