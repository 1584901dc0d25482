/// How varselvakt logs (`[log]`).
public struct LogConfig: Sendable, Hashable {
    public var level: LogLevel
    public var format: LogFormat

    public init(level: LogLevel = .info, format: LogFormat = .text) {
        self.level = level
        self.format = format
    }
}

/// Log levels, spelled as swift-log spells them, so `Logger.Level(rawValue: level.rawValue)`
/// always succeeds (this module does not depend on swift-log).
public enum LogLevel: String, Sendable, Hashable, CaseIterable {
    case trace, debug, info, notice, warning, error, critical
}

/// Log line format. Only plain text for now (the journal adds timestamps); the key exists so
/// a structured format can be added without changing the file layout.
public enum LogFormat: String, Sendable, Hashable, CaseIterable {
    case text
}
