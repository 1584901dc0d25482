public import VarselModel

extension VarselvaktConfig {
    /// What the daemon probes: one target per probed catalog API and environment in
    /// `probes.environments` that has a URL there, in catalog order (production before test).
    /// Empty when `probes.enabled` is false; limited to `probes.apis` when that is set. An API
    /// without a test URL is simply not probed in the test environment.
    public var probeTargets: [ProbeTarget] {
        guard probes.enabled else { return [] }
        var targets: [ProbeTarget] = []
        for api in catalog.apis {
            guard let settings = api.probe, settings.enabled else { continue }
            if let allowed = probes.apis, !allowed.contains(api.id) { continue }
            for environment in probes.environments {
                let url = environment == .production ? settings.url : settings.testURL
                guard let url else { continue }
                targets.append(ProbeTarget(api: api.id, environment: environment, url: url, settings: settings))
            }
        }
        return targets
    }
}
