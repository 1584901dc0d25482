import VarselModel

extension VarselvaktConfig {
    /// What varselvakt understood from the config, for `varselvakt check-config`: the resolved
    /// paths, catalog counts and each feed's effective settings after defaults. Plain text, one
    /// fact per line, meant for an operator to read before restarting the daemon.
    public func summary() -> String {
        var lines = ["Config: \(configFile)", "Store: \(store.path)"]
        lines.append(catalogSource.summaryLine(for: catalog))
        let phrases = lexicon.lists.values.reduce(0) { $0 + $1.count }
        lines.append(
            "Lexicon: \(lexiconPath ?? "built into the binary") (\(phrases) phrases"
                + (lexiconPath == nil ? "; sha256 \(BuiltInData.lexicon.sha256.prefix(12)))" : ")"))
        lines.append("Log: level \(log.level.rawValue), format \(log.format.rawValue)")
        lines.append(
            "Poll defaults: every \(Self.format(poll.interval)), back-off up to \(Self.format(poll.maxBackoff)), "
                + "User-Agent \(poll.userAgent.map { "\"\($0)\"" } ?? "default")")
        lines.append("Feeds (\(feeds.count)):")
        for feed in feeds {
            lines.append(
                "  \(feed.id.rawValue): \(feed.url) (format \(feed.format.rawValue))"
                    + (feed.allowHTTP ? " (plain http allowed)" : ""))
            lines.append(
                "    every \(Self.format(feed.interval)), timeout \(Self.format(feed.timeout)) "
                    + "(connect \(Self.format(feed.connectTimeout))), at most \(ByteSizeSyntax.format(feed.maxBytes)), "
                    + "\(feed.maxRedirects) redirects")
            let baseline =
                feed.baselineAlertMaxAge == .zero
                ? "no alerts on first poll" : "first poll alerts entries newer than \(Self.format(feed.baselineAlertMaxAge))"
            lines.append("    withdrawn after \(feed.withdrawAfterPolls) polls missing; \(baseline)")
            lines.append("    alert storm above \(feed.stormThreshold) alerting changes in one poll (KS told once, nobody else)")
            if !feed.apis.isEmpty {
                let names = feed.apis.map { id in catalog.api(id).map { "\(id) (\($0.name))" } ?? id }
                lines.append("    APIs when a notice names none: \(names.joined(separator: ", "))")
            }
        }
        lines += subscriberSummary() + deliverySummary() + probeSummary()
        lines.append(
            metrics.textfile.map { "Metrics: written to \($0) every \(Self.format(metrics.interval))" }
                ?? "Metrics: in memory only (no [metrics] textfile)")
        lines += webSummary()
        return lines.joined(separator: "\n")
    }

    static func format(_ duration: Duration) -> String { DurationSyntax.format(duration) }
}
