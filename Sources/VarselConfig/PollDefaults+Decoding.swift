extension PollDefaults {
    /// Limits shared by `[poll]` and the per-feed overrides, so both reject the same values.
    enum Limits {
        static let minimumInterval = Duration.seconds(1)
        static let minimumTimeout = Duration.milliseconds(1)
        static let maxBytes = (1 << 10)...(1 << 30)
        static let maxRedirects = 0...20
        static let withdrawAfterPolls = 1...1000
        static let stormThreshold = 1...100_000
    }

    /// `[poll]`: every key optional; absent keys keep the defaults.
    init(from reader: TableReader) throws(ConfigError) {
        self.init()
        if let value = try reader.duration("interval", atLeast: Limits.minimumInterval) { interval = value }
        if let value = try reader.duration("timeout", atLeast: Limits.minimumTimeout) { timeout = value }
        if let value = try reader.duration("connect_timeout", atLeast: Limits.minimumTimeout) { connectTimeout = value }
        if let value = try reader.byteSize("max_bytes", in: Limits.maxBytes) { maxBytes = value }
        if let value = try reader.int("max_redirects", in: Limits.maxRedirects) { maxRedirects = value }
        if let value = try reader.int("withdraw_after_polls", in: Limits.withdrawAfterPolls) { withdrawAfterPolls = value }
        if let value = try reader.duration("max_backoff", atLeast: Limits.minimumInterval) { maxBackoff = value }
        if let value = try reader.duration("baseline_alert_max_age") { baselineAlertMaxAge = value }
        if let value = try reader.int("storm_threshold", in: Limits.stormThreshold) { stormThreshold = value }
        if let value = try reader.nonEmptyString("user_agent") {
            // It goes into a request header verbatim: a line break would inject headers.
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw reader.invalid("user_agent", "must not contain control characters or line breaks")
            }
            userAgent = value
        }
        try reader.rejectUnknownKeys()
    }
}
