/// `[metrics]`: where the daemon writes its Prometheus metrics. Until varselvakt serves HTTP,
/// they go to a file in the text format, for node_exporter's textfile collector
/// (`--collector.textfile.directory`), rewritten atomically every `interval`.
public struct MetricsConfig: Sendable, Hashable {
    /// Absolute path of the `.prom` file, or nil: metrics are kept in memory only.
    public var textfile: String?
    public var interval: Duration

    public init(textfile: String? = nil, interval: Duration = .seconds(15)) {
        self.textfile = textfile
        self.interval = interval
    }
}

extension MetricsConfig {
    /// `[metrics]`: `textfile` (a path ending in .prom, relative to the config), `interval` (≥ 1s).
    init(from reader: TableReader, baseDirectory: String) throws(ConfigError) {
        self.init()
        if let path = try reader.nonEmptyString("textfile") {
            guard path.hasSuffix(".prom") else {
                throw reader.invalid("textfile", "\(path) must end in .prom (node_exporter's textfile collector reads only those)")
            }
            textfile = FilePaths.resolve(path, against: baseDirectory)
        }
        if let interval = try reader.duration("interval", atLeast: .seconds(1)) { self.interval = interval }
        try reader.rejectUnknownKeys()
    }
}
