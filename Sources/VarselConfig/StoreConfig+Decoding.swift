extension StoreConfig {
    /// `[store]`: `path` (required).
    init(from reader: TableReader, baseDirectory: String) throws(ConfigError) {
        let path = try reader.requiredNonEmptyString("path", expected: "a string: the SQLite database file")
        self.init(path: FilePaths.resolve(path, against: baseDirectory))
        try reader.rejectUnknownKeys()
    }
}
