import VarselModel

extension VarselvaktConfig {
    /// `[probes]` as it took effect: what is probed per environment and with which settings
    /// (grouped, so a catalog with one override shows two lines, not forty).
    func probeSummary() -> [String] {
        guard probes.enabled else { return ["Probes: disabled (no API is probed)"] }
        let environments = probes.environments.map(\.rawValue).joined(separator: " and ")
        let scope = probes.apis.map { "only \($0.joined(separator: ", "))" } ?? "every API the catalog probes"
        var lines = [
            "Probes: \(environments), \(scope); \(probes.concurrency) at once; raw results kept \(Self.format(probes.retention))"
        ]
        lines.append(
            probes.referenceURL.map { "  reference: \($0) (when it fails too, the round is inconclusive)" }
                ?? "  reference: none (an outage of our own network would look like every API down)")
        let targets = probeTargets
        let counts = probes.environments.map { environment in
            "\(targets.count { $0.environment == environment }) in \(environment.rawValue)"
        }
        lines.append("  APIs probed: \(counts.joined(separator: ", "))")
        if targets.isEmpty {
            lines.append("  warning: nothing to probe (no catalog API has a URL in these environments)")
        }
        // One line per distinct set of settings (URLs aside), most common first.
        var groups: [(settings: ProbeSettings, apis: [String])] = []
        for target in targets {
            var settings = target.settings
            settings.url = nil
            settings.testURL = nil
            if let index = groups.firstIndex(where: { $0.settings == settings }) {
                if !groups[index].apis.contains(target.api) { groups[index].apis.append(target.api) }
            } else {
                groups.append((settings, [target.api]))
            }
        }
        for group in groups.sorted(by: { $0.apis.count > $1.apis.count }) {
            let who = group.apis.count > 3 ? "\(group.apis.count) APIs" : group.apis.joined(separator: ", ")
            lines.append("  \(who): \(Self.describe(group.settings))")
        }
        return lines
    }

    private static func describe(_ settings: ProbeSettings) -> String {
        "\(settings.method) every \(format(settings.interval)), timeout \(format(settings.timeout)), "
            + "up on \(ExpectedStatusSyntax.format(settings.expectedStatuses)); incident after "
            + "\(settings.failureThreshold) failures, resolved after \(settings.successThreshold) successes; "
            + (settings.tlsWarnDays == 0
                ? "no TLS expiry warning" : "TLS warning \(settings.tlsWarnDays) days before expiry")
    }
}
