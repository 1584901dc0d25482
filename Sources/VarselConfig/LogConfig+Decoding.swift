extension LogConfig {
    /// `[log]`: `level`, `format` (both optional).
    init(from reader: TableReader) throws(ConfigError) {
        self.init()
        if let level = try reader.word("level", as: LogLevel.self) { self.level = level }
        if let format = try reader.word("format", as: LogFormat.self) { self.format = format }
        try reader.rejectUnknownKeys()
    }
}
