import VarselModel

extension ProbeSettings {
    /// Limits shared by `[probe_defaults]` and `[apis.probe]`, so both reject the same values.
    enum Limits {
        static let minimumInterval = Duration.seconds(1)
        static let minimumTimeout = Duration.milliseconds(1)
        static let threshold = 1...1000
        static let tlsWarnDays = 0...3650
    }

    /// The HTTP methods a probe may use: HEAD saves the body, GET for gateways that refuse HEAD.
    enum Method: String, CaseIterable {
        case get = "GET"
        case head = "HEAD"
    }

    /// One probe table: every key optional, absent keys keep `defaults`. `allowURLs` is true for
    /// `[apis.probe]` (which may name its own `url` / `test_url`) and false for `[probe_defaults]`
    /// (a default URL would point every API at one host).
    init(from reader: TableReader, defaults: ProbeSettings, allowURLs: Bool) throws(ConfigError) {
        self = defaults
        if let value = try reader.bool("enabled") { enabled = value }
        if allowURLs {
            if let value = try reader.apiURL("url") { url = value }
            if let value = try reader.apiURL("test_url") { testURL = value }
        }
        if let value = try reader.word("method", as: Method.self) { method = value.rawValue }
        if let value = try reader.expectedStatuses("expect") { expectedStatuses = value }
        if let value = try reader.duration("timeout", atLeast: Limits.minimumTimeout) { timeout = value }
        if let value = try reader.duration("interval", atLeast: Limits.minimumInterval) { interval = value }
        if let value = try reader.int("failure_threshold", in: Limits.threshold) { failureThreshold = value }
        if let value = try reader.int("success_threshold", in: Limits.threshold) { successThreshold = value }
        if let value = try reader.int("tls_warn_days", in: Limits.tlsWarnDays) { tlsWarnDays = value }
        try reader.rejectUnknownKeys()
        // Rounds must not overlap: a probe still waiting when the next one is due would pile up.
        // The defaults were checked on their own, so a clash here involves a key of this table.
        guard timeout <= interval else {
            throw reader.invalid(
                reader.contains("timeout") ? "timeout" : "interval",
                "timeout (\(DurationSyntax.format(timeout))) is longer than interval (\(DurationSyntax.format(interval)))")
        }
    }
}
