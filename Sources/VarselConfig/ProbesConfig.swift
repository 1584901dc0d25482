public import VarselModel

/// The `[probes]` section of varselvakt.toml: whether and how the daemon checks the catalog's
/// APIs itself. What each API is asked, and how often, is in the catalog (`[probe_defaults]`,
/// `[apis.probe]`); this section says which environments, which APIs and how results are kept.
public struct ProbesConfig: Sendable, Hashable {
    /// Off: nothing is probed (the demo, which must not touch the network).
    public var enabled: Bool
    /// Which deployments are probed, in order: production, test, or both.
    public var environments: [ProbeEnvironment]
    /// The self-connectivity guard: a well-known https URL outside Skatteetaten's API gateway
    /// (e.g. "https://www.skatteetaten.no/"), asked with every round. When it fails too, the
    /// round is inconclusive: our own network is down, not every API at once. nil = no guard.
    public var referenceURL: String?
    /// Raw probe results older than this are pruned; incidents are kept.
    public var retention: Duration
    /// Probes running at once, 1...1024.
    public var concurrency: Int
    /// When set, only these catalog ids are probed (each has a probe in the catalog); nil = every
    /// API the catalog probes.
    public var apis: [String]?

    public init(
        enabled: Bool = true, environments: [ProbeEnvironment] = [.production], referenceURL: String? = nil,
        retention: Duration = .seconds(30 * 86_400), concurrency: Int = 64, apis: [String]? = nil
    ) {
        self.enabled = enabled
        self.environments = environments
        self.referenceURL = referenceURL
        self.retention = retention
        self.concurrency = concurrency
        self.apis = apis
    }
}
