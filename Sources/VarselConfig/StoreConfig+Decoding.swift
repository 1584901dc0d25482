extension StoreConfig {
    /// `[store]`: `path` (required), `poll_log_retention` (at least a day; default 90 days).
    init(from reader: TableReader, baseDirectory: String) throws(ConfigError) {
        let path = try reader.requiredNonEmptyString("path", expected: "a string: the SQLite database file")
        self.init(path: FilePaths.resolve(path, against: baseDirectory))
        if let value = try reader.duration("poll_log_retention", atLeast: .seconds(86_400)) { pollLogRetention = value }
        try reader.rejectUnknownKeys()
    }
}
