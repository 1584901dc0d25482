import VarselModel

/// Every subscriber's subscription compiled once into rule lists keyed by what a change can be
/// about, so routing one change looks at the rules that can match it and nothing else: no scan
/// over all subscribers, no string work per subscriber.
struct RoutingTable: Sendable {
    /// Every rule once; the lists below hold indices into it.
    private(set) var rules: [MatchRule] = []
    /// Rules for a change naming this API: direct API, service and vendor-for rules; under a
    /// platform's id also the rules of everyone following an API that depends on it.
    private(set) var byAPI: [String: [Int32]] = [:]
    /// Rules for any change whose APIs were recognised (or whose scope is "all").
    private(set) var everything: [Int32] = []
    /// Rules for a change concerning Skatteetaten's services in general (scope `.all`): anyone
    /// with a subscription at all.
    private(set) var anySubscription: [Int32] = []
    /// Rules for a change with no recognised API: "everything" subscribers and KS support.
    private(set) var unmatched: [Int32] = []

    /// Platform id -> display name, for platforms some catalog API depends on (the note names them).
    private(set) var platformNames: [String: String] = [:]

    /// - Parameter subscribers: sorted by id; rule indices refer to positions in this array.
    init(catalog: Catalog, subscribers: [Subscriber]) {
        var serviceAPIs: [String: [String]] = [:]
        for service in catalog.services { serviceAPIs[service.id, default: []].append(contentsOf: service.apis) }
        let requires = Self.platformsRequired(by: catalog)
        for api in catalog.apis where api.kind == .platform && requires.values.contains(where: { $0.contains(api.id) }) {
            platformNames[api.id] = api.name
        }
        let catalogLinks = Links(serviceAPIs: serviceAPIs, requires: requires)

        var municipalities: [String: [Subscriber]] = [:]
        for subscriber in subscribers where subscriber.kind == .municipality {
            if let number = subscriber.municipalityNumber { municipalities[number, default: []].append(subscriber) }
        }

        for (index, subscriber) in subscribers.enumerated() {
            addOwnRules(index: index, subscriber: subscriber, links: catalogLinks)
            guard subscriber.kind == .vendor else { continue }
            for (ordinal, number) in Set(subscriber.actsFor).sorted().enumerated() {
                for municipality in municipalities[number] ?? [] {
                    addActingForRules(
                        index: index, ordinal: ordinal, number: number, subscription: municipality.subscription,
                        vendorMinSeverity: subscriber.subscription.minSeverity,
                        vendorEnvironments: EnvironmentMask(subscriber.subscription.environments), links: catalogLinks)
                }
            }
        }
    }

    /// What the catalog says about APIs beyond their ids: the APIs of each service, and the
    /// platforms each entry needs.
    private struct Links {
        var serviceAPIs: [String: [String]]
        /// Catalog id -> every platform it depends on, directly or through a platform that itself
        /// depends on one (sorted; an entry with none is absent).
        var requires: [String: [String]]

        /// The APIs a subscription covers: its own and its services'.
        func apis(of subscription: Subscription) -> Set<String> {
            var apis = Set(subscription.apis)
            for service in subscription.services { apis.formUnion(serviceAPIs[service] ?? []) }
            return apis
        }

        /// The platforms the APIs of `subscription` depend on, sorted.
        func platforms(of subscription: Subscription) -> [String] {
            var platforms = Set<String>()
            for api in apis(of: subscription) { platforms.formUnion(requires[api] ?? []) }
            return platforms.sorted()
        }
    }

    /// `dependsOn` closed over platforms that depend on platforms; cycles end where they repeat.
    private static func platformsRequired(by catalog: Catalog) -> [String: [String]] {
        var direct: [String: [String]] = [:]
        for api in catalog.apis where !api.dependsOn.isEmpty { direct[api.id] = api.dependsOn }
        var requires: [String: [String]] = [:]
        for id in direct.keys {
            var seen = Set<String>()
            var pending = direct[id] ?? []
            while let next = pending.popLast() {
                guard next != id, seen.insert(next).inserted else { continue }
                pending.append(contentsOf: direct[next] ?? [])
            }
            requires[id] = seen.sorted()
        }
        return requires
    }

    /// Stores `rule` once and returns its index for the lists.
    private mutating func add(_ rule: MatchRule) -> Int32 {
        rules.append(rule)
        return Int32(rules.count - 1)
    }

    private mutating func addOwnRules(index: Int, subscriber: Subscriber, links: Links) {
        let subscription = subscriber.subscription
        let kinds = KindMask(subscription.kinds)
        let minimum = subscription.minSeverity
        let environments = EnvironmentMask(subscription.environments)
        if subscription.everything {
            everything.append(
                add(
                    MatchRule(
                        subscriber: index, category: .everything, reason: "all", kinds: kinds, minSeverity: minimum,
                        environments: environments)))
        }
        if subscription.everything || subscriber.kind == .ks {
            // KS is the safety net: it hears of every notice nobody can be matched to, whatever
            // kinds, severity or environments it otherwise filters on.
            let isSafetyNet = subscriber.kind == .ks
            unmatched.append(
                add(
                    MatchRule(
                        subscriber: index, category: .unmatched, reason: "unmatched", kinds: isSafetyNet ? .every : kinds,
                        minSeverity: isSafetyNet ? nil : minimum, environments: isSafetyNet ? .every : environments)))
        }
        if Self.hasAny(subscription) {
            anySubscription.append(
                add(
                    MatchRule(
                        subscriber: index, category: .scopeAll, reason: "scope:all", kinds: kinds, minSeverity: minimum,
                        environments: environments)))
        }
        for (ordinal, api) in Set(subscription.apis).sorted().enumerated() {
            let rule = add(
                MatchRule(
                    subscriber: index, category: .api, ordinal: ordinal, reason: "api:\(api)", kinds: kinds, minSeverity: minimum,
                    environments: environments)
            )
            byAPI[api, default: []].append(rule)
        }
        for (ordinal, service) in Set(subscription.services).sorted().enumerated() {
            let rule = add(
                MatchRule(
                    subscriber: index, category: .service, ordinal: ordinal, reason: "service:\(service)", kinds: kinds,
                    minSeverity: minimum, environments: environments))
            for api in Set(links.serviceAPIs[service] ?? []) { byAPI[api, default: []].append(rule) }
        }
        // A notice about a platform (Maskinporten) reaches whoever follows an API that needs it.
        for (ordinal, platform) in links.platforms(of: subscription).enumerated() {
            let rule = add(
                MatchRule(
                    subscriber: index, category: .platform, ordinal: ordinal, reason: "platform:\(platform)", kinds: kinds,
                    minSeverity: minimum, environments: environments))
            byAPI[platform, default: []].append(rule)
        }
    }

    /// A vendor matches whatever a municipality it acts for matches, under that municipality's
    /// kind filter, with reason "for:<number>" ("for:<number>,platform:<id>" when it is a
    /// platform notice reaching the municipality's APIs). Severity: the stricter of the vendor's
    /// and the municipality's `min_severity` (the vendor filters everything it gets; the
    /// municipality would not have been told). Environments: the vendor's own, not the
    /// municipality's: a vendor builds and tests against the test environment for the
    /// municipalities it serves, so a test notice about their APIs is exactly what it needs, though
    /// the municipality itself (production only) is not told. The KS safety net does not carry
    /// over (a municipality is never KS).
    private mutating func addActingForRules(
        index: Int, ordinal: Int, number: String, subscription: Subscription, vendorMinSeverity: Severity?,
        vendorEnvironments: EnvironmentMask, links: Links
    ) {
        let kinds = KindMask(subscription.kinds)
        let minimum = [vendorMinSeverity, subscription.minSeverity].compactMap { $0 }.max()
        let rule = add(
            MatchRule(
                subscriber: index, category: .actingFor, ordinal: ordinal, reason: "for:\(number)", kinds: kinds,
                minSeverity: minimum, environments: vendorEnvironments))
        if subscription.everything {
            everything.append(rule)
            unmatched.append(rule)
        }
        if Self.hasAny(subscription) { anySubscription.append(rule) }
        for api in links.apis(of: subscription) { byAPI[api, default: []].append(rule) }
        for platform in links.platforms(of: subscription) {
            // Ranked after every plain "for:" rule, so a notice that also names one of the
            // municipality's APIs keeps the plainer reason.
            let platformRule = add(
                MatchRule(
                    subscriber: index, category: .actingFor, ordinal: 0x8000 + ordinal,
                    reason: "for:\(number),platform:\(platform)", kinds: kinds, minSeverity: minimum,
                    environments: vendorEnvironments))
            byAPI[platform, default: []].append(platformRule)
        }
    }

    private static func hasAny(_ subscription: Subscription) -> Bool {
        subscription.everything || !subscription.apis.isEmpty || !subscription.services.isEmpty
    }
}
