import VarselModel

extension ProbesConfig {
    enum Limits {
        static let concurrency = 1...1024
        /// Shorter would prune results before an incident's failure streak can be judged.
        static let minimumRetention = Duration.seconds(3600)
    }

    /// The words `environment` accepts.
    enum EnvironmentChoice: String, CaseIterable {
        case production, test, both

        var environments: [ProbeEnvironment] {
            switch self {
            case .production: [.production]
            case .test: [.test]
            case .both: [.production, .test]
            }
        }
    }

    /// `[probes]` (every key optional). `apis` must name catalog APIs that have a probe, each once.
    init(from reader: TableReader?, catalog: Catalog) throws(ConfigError) {
        self.init()
        guard let reader else { return }
        if let value = try reader.bool("enabled") { enabled = value }
        if let value = try reader.word("environment", as: EnvironmentChoice.self) { environments = value.environments }
        if let value = try reader.apiURL("reference_url") { referenceURL = value }
        if let value = try reader.duration("retention", atLeast: Limits.minimumRetention) { retention = value }
        if let value = try reader.int("concurrency", in: Limits.concurrency) { concurrency = value }
        if let value = try reader.stringArray("apis") {
            try Self.checkAllowList(value, reader: reader, catalog: catalog)
            apis = value
        }
        try reader.rejectUnknownKeys()
    }

    private static func checkAllowList(_ ids: [String], reader: TableReader, catalog: Catalog) throws(ConfigError) {
        let known = catalog.apis.map(\.id)
        var seen = UniqueValues()
        for (position, id) in ids.enumerated() {
            let line = reader.line(of: "apis", element: position)
            guard let api = catalog.api(id) else {
                throw .unknownReference(
                    file: reader.file, line: line, key: reader.keyPath("apis"), value: id,
                    suggestion: KeySuggestion.closest(to: id, among: known))
            }
            guard api.probe != nil else {
                throw .invalidValue(
                    file: reader.file, line: line, key: "\(reader.keyPath("apis"))[\(position)]",
                    problem: "\"\(id)\" is not probed by the catalog (no url, or [apis.probe] enabled = false)")
            }
            try seen.insert(id, file: reader.file, key: "\(reader.keyPath("apis"))[\(position)]", line: line)
        }
    }
}
