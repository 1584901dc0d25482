import VarselModel

/// catalog.toml: `[probe_defaults]`, `[[apis]]` (each with an optional `[apis.probe]`) and
/// `[[services]]`; ids unique, services naming existing APIs. Across entries (`CatalogLinks`):
/// `depends_on` names platforms, and no status component means two entries.
enum CatalogDecoding {
    static func decode(_ document: TOMLDocument) throws(ConfigError) -> Catalog {
        let root = document.rootReader()
        let probeDefaultsTable = try root.table("probe_defaults")
        let apiTables = try root.arrayOfTables("apis") ?? []
        let serviceTables = try root.arrayOfTables("services") ?? []
        try root.rejectUnknownKeys()
        let probeDefaults =
            try probeDefaultsTable.map { reader throws(ConfigError) in
                try ProbeSettings(from: reader, defaults: ProbeSettings(), allowURLs: false)
            } ?? ProbeSettings()
        var apis: [CatalogAPI] = []
        var apiIDs = UniqueValues()
        for reader in apiTables {
            let api = try decodeAPI(reader, probeDefaults: probeDefaults)
            try apiIDs.insert(api.id, file: reader.file, key: reader.keyPath("id"), line: reader.line(of: "id"))
            apis.append(api)
        }
        try CatalogLinks.check(apis, readers: apiTables)
        let known = apis.map(\.id)
        var services: [MunicipalService] = []
        var serviceIDs = UniqueValues()
        for reader in serviceTables {
            let service = try decodeService(reader, knownAPIs: known)
            try serviceIDs.insert(service.id, file: reader.file, key: reader.keyPath("id"), line: reader.line(of: "id"))
            services.append(service)
        }
        return Catalog(apis: apis, services: services)
    }

    private static func decodeAPI(_ reader: TableReader, probeDefaults: ProbeSettings) throws(ConfigError) -> CatalogAPI {
        var api = CatalogAPI(
            id: try id(reader),
            name: try reader.requiredNonEmptyString("name", expected: "a string: the API's display name"),
            aliases: try nonEmptyStrings(reader, "aliases"),
            // Classify compares categories folded to lower case.
            categories: try nonEmptyStrings(reader, "categories").map { $0.lowercased() },
            scope: try reader.nonEmptyString("scope"),
            url: try reader.apiURL("url"),
            testURL: try reader.apiURL("test_url"),
            kind: try reader.word("kind", as: CatalogEntryKind.self) ?? .api,
            statusComponents: try nonEmptyStrings(reader, "status_components"),
            dependsOn: try nonEmptyStrings(reader, "depends_on"))
        let probeTable = try reader.table("probe")
        try reader.rejectUnknownKeys()
        api.probe = try ProbeDerivation.probe(for: api, table: probeTable, defaults: probeDefaults)
        return api
    }

    private static func decodeService(_ reader: TableReader, knownAPIs: [String]) throws(ConfigError) -> MunicipalService {
        let id = try id(reader)
        let name = try reader.requiredNonEmptyString("name", expected: "a string: the service's name")
        guard let apis = try reader.stringArray("apis") else {
            throw reader.missing("apis", expected: "an array of catalog API ids the service uses")
        }
        for (position, api) in apis.enumerated() where !knownAPIs.contains(api) {
            throw .unknownReference(
                file: reader.file, line: reader.line(of: "apis", element: position), key: reader.keyPath("apis"),
                value: api, suggestion: KeySuggestion.closest(to: api, among: knownAPIs))
        }
        let service = MunicipalService(id: id, name: name, apis: apis, rightsPackage: try reader.nonEmptyString("rights_package"))
        try reader.rejectUnknownKeys()
        return service
    }

    private static func id(_ reader: TableReader) throws(ConfigError) -> String {
        let id = try reader.requiredNonEmptyString("id", expected: "a string id (a-z, 0-9, '-')")
        guard ConfigID.isValid(id) else { throw reader.invalid("id", "\"\(id)\" is not a valid id; \(ConfigID.rule)") }
        return id
    }

    static func nonEmptyStrings(_ reader: TableReader, _ key: String) throws(ConfigError) -> [String] {
        let strings = try reader.stringArray(key) ?? []
        if let position = strings.firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw .invalidValue(
                file: reader.file, line: reader.line(of: key, element: position), key: "\(reader.keyPath(key))[\(position)]",
                problem: "must not be empty")
        }
        return strings
    }
}
