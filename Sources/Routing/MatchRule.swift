import VarselModel

/// One precomputed way a subscriber can be matched: "Oslo, because it subscribes to the
/// service foreldrebetaling, for every kind of notice". `RoutingTable` files rules under the
/// situations they apply to; routing a change only walks the rules filed under it.
struct MatchRule: Sendable {
    /// Index into the router's subscribers (sorted by id).
    var subscriber: Int32
    /// Lower wins when several rules match the same subscriber (see `MatchCategory`).
    var rank: UInt32
    /// What goes into `PlannedDelivery.reason`.
    var reason: String
    /// The kind filter of the subscription the rule came from (a vendor acting for a
    /// municipality uses the municipality's filter).
    var kinds: KindMask
    /// The least severity the rule lets through (`Subscription.minSeverity`); nil lets every
    /// change through, as does a change without a severity (feeds have none).
    var minSeverity: Severity?
    /// The change environments the rule lets through: its subscriber's own `environments` (a
    /// vendor acting for a municipality uses its own, see `RoutingTable`); every one for KS's
    /// safety net.
    var environments: EnvironmentMask

    init(
        subscriber: Int, category: MatchCategory, ordinal: Int = 0, reason: String, kinds: KindMask,
        minSeverity: Severity? = nil, environments: EnvironmentMask = .every
    ) {
        self.environments = environments
        self.subscriber = Int32(subscriber)
        self.rank = category.rawValue << 16 | UInt32(min(ordinal, 0xFFFF))
        self.reason = reason
        self.kinds = kinds
        self.minSeverity = minSeverity
    }

    /// Whether a change of `severity` is below this rule's `minSeverity`.
    func filtersOut(_ severity: Severity?) -> Bool {
        guard let severity, let minSeverity else { return false }
        return severity < minSeverity
    }
}

/// Why a subscriber matched, best first: a subscriber's own subscription explains more than a
/// municipality it acts for, and "all" is the subscriber's own explicit choice. Within a
/// category the ordinal decides (alphabetical API/service id, ascending municipality number),
/// so the reason recorded is the same on every run.
enum MatchCategory: UInt32 {
    /// Subscribed to everything: reason "all".
    case everything = 0
    /// Subscribed to an API the notice names: "api:<id>".
    case api
    /// Subscribed to a service using an API the notice names: "service:<id>".
    case service
    /// Subscribed (directly or through a service) to an API that depends on a platform the
    /// notice names (Maskinporten): "platform:<id>".
    case platform
    /// The notice concerns Skatteetaten's services in general: "scope:all".
    case scopeAll
    /// No API recognised; subscribed to everything or KS (the safety net): "unmatched".
    case unmatched
    /// A vendor matched through a municipality it acts for: "for:<municipality number>", or
    /// "for:<number>,platform:<id>" for a platform notice reaching that municipality's APIs
    /// (ranked after every plain "for:" rule).
    case actingFor
}
