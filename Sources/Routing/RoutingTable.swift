import VarselModel

/// Every subscriber's subscription compiled once into rule lists keyed by what a change can be
/// about, so routing one change looks at the rules that can match it and nothing else: no scan
/// over all subscribers, no string work per subscriber.
struct RoutingTable: Sendable {
    /// Every rule once; the lists below hold indices into it.
    private(set) var rules: [MatchRule] = []
    /// Rules for a change naming this API: direct API, service and vendor-for rules.
    private(set) var byAPI: [String: [Int32]] = [:]
    /// Rules for any change whose APIs were recognised (or whose scope is "all").
    private(set) var everything: [Int32] = []
    /// Rules for a change concerning Skatteetaten's services in general (scope `.all`): anyone
    /// with a subscription at all.
    private(set) var anySubscription: [Int32] = []
    /// Rules for a change with no recognised API: "everything" subscribers and KS support.
    private(set) var unmatched: [Int32] = []

    /// - Parameter subscribers: sorted by id; rule indices refer to positions in this array.
    init(catalog: Catalog, subscribers: [Subscriber]) {
        var serviceAPIs: [String: [String]] = [:]
        for service in catalog.services { serviceAPIs[service.id, default: []].append(contentsOf: service.apis) }

        var municipalities: [String: [Subscriber]] = [:]
        for subscriber in subscribers where subscriber.kind == .municipality {
            if let number = subscriber.municipalityNumber { municipalities[number, default: []].append(subscriber) }
        }

        for (index, subscriber) in subscribers.enumerated() {
            addOwnRules(index: index, subscriber: subscriber, serviceAPIs: serviceAPIs)
            guard subscriber.kind == .vendor else { continue }
            for (ordinal, number) in Set(subscriber.actsFor).sorted().enumerated() {
                for municipality in municipalities[number] ?? [] {
                    addActingForRules(
                        index: index, ordinal: ordinal, reason: "for:\(number)", subscription: municipality.subscription,
                        serviceAPIs: serviceAPIs)
                }
            }
        }
    }

    /// Stores `rule` once and returns its index for the lists.
    private mutating func add(_ rule: MatchRule) -> Int32 {
        rules.append(rule)
        return Int32(rules.count - 1)
    }

    private mutating func addOwnRules(index: Int, subscriber: Subscriber, serviceAPIs: [String: [String]]) {
        let subscription = subscriber.subscription
        let kinds = KindMask(subscription.kinds)
        if subscription.everything {
            everything.append(add(MatchRule(subscriber: index, category: .everything, reason: "all", kinds: kinds)))
        }
        if subscription.everything || subscriber.kind == .ks {
            // KS is the safety net: it hears of every notice nobody can be matched to, whatever
            // kinds it otherwise filters on.
            let safetyKinds = subscriber.kind == .ks ? KindMask.every : kinds
            unmatched.append(add(MatchRule(subscriber: index, category: .unmatched, reason: "unmatched", kinds: safetyKinds)))
        }
        if Self.hasAny(subscription) {
            anySubscription.append(add(MatchRule(subscriber: index, category: .scopeAll, reason: "scope:all", kinds: kinds)))
        }
        for (ordinal, api) in Set(subscription.apis).sorted().enumerated() {
            let rule = add(MatchRule(subscriber: index, category: .api, ordinal: ordinal, reason: "api:\(api)", kinds: kinds))
            byAPI[api, default: []].append(rule)
        }
        for (ordinal, service) in Set(subscription.services).sorted().enumerated() {
            let rule = add(
                MatchRule(subscriber: index, category: .service, ordinal: ordinal, reason: "service:\(service)", kinds: kinds))
            for api in Set(serviceAPIs[service] ?? []) { byAPI[api, default: []].append(rule) }
        }
    }

    /// A vendor matches whatever a municipality it acts for matches, under that municipality's
    /// kind filter, with reason "for:<number>". The KS safety net does not carry over (a
    /// municipality is never KS).
    private mutating func addActingForRules(
        index: Int, ordinal: Int, reason: String, subscription: Subscription, serviceAPIs: [String: [String]]
    ) {
        let rule = add(
            MatchRule(
                subscriber: index, category: .actingFor, ordinal: ordinal, reason: reason, kinds: KindMask(subscription.kinds)))
        if subscription.everything {
            everything.append(rule)
            unmatched.append(rule)
        }
        if Self.hasAny(subscription) { anySubscription.append(rule) }
        var apis = Set(subscription.apis)
        for service in subscription.services { apis.formUnion(serviceAPIs[service] ?? []) }
        for api in apis { byAPI[api, default: []].append(rule) }
    }

    private static func hasAny(_ subscription: Subscription) -> Bool {
        subscription.everything || !subscription.apis.isEmpty || !subscription.services.isEmpty
    }
}
