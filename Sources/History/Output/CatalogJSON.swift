public import VarselConfig
public import VarselModel

/// The catalog in force as `varselvakt catalog --json` prints it: where it came from, every entry
/// (APIs and platforms), the families and the municipal services. snake_case keys; add keys
/// freely, never rename or drop one (the same rule as `NoticeJSON`).
public struct CatalogJSON: Encodable, Sendable {
    /// `source.kind` is "file" (`[catalog] path`), "beside_config" (catalog.toml next to the
    /// config) or "built_in"; `path` is null and `sha256` set only for the built-in one.
    public struct Source: Encodable, Sendable {
        var kind: String
        var path: String?
        var sha256: String?

        // Optional keys are always present (null when unknown), so consumers can rely on them.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(path, forKey: .path)
            try c.encode(sha256, forKey: .sha256)
        }
        enum CodingKeys: String, CodingKey { case kind, path, sha256 }
    }

    /// One catalog entry: an API or a platform.
    public struct Entry: Encodable, Sendable {
        var id: String
        var kind: String
        var name: String
        var aliases: [String]
        var categories: [String]
        var statusComponents: [String]
        var dependsOn: [String]

        enum CodingKeys: String, CodingKey {
            case id, kind, name, aliases, categories
            case statusComponents = "status_components", dependsOn = "depends_on"
        }
    }

    /// A category several entries list ("skatteoppgjør"): a feed tag that stands for all of them.
    public struct Family: Encodable, Sendable {
        var category: String
        var apis: [String]
    }

    public struct Service: Encodable, Sendable {
        var id: String
        var name: String
        var apis: [String]
        var rightsPackage: String?

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(apis, forKey: .apis)
            try c.encode(rightsPackage, forKey: .rightsPackage)
        }
        enum CodingKeys: String, CodingKey { case id, name, apis, rightsPackage = "rights_package" }
    }

    var source: Source
    /// Every entry in catalog order, APIs and platforms alike (`kind` tells them apart).
    var apis: [Entry]
    var families: [Family]
    var services: [Service]

    public init(_ catalog: Catalog, source: CatalogSource) {
        switch source {
        case .file(let path): self.source = Source(kind: "file", path: path)
        case .besideConfig(let path): self.source = Source(kind: "beside_config", path: path)
        case .builtIn(let sha256): self.source = Source(kind: "built_in", sha256: sha256)
        }
        apis = catalog.apis.map {
            Entry(
                id: $0.id, kind: $0.kind.rawValue, name: $0.name, aliases: $0.aliases, categories: $0.categories,
                statusComponents: $0.statusComponents, dependsOn: $0.dependsOn)
        }
        families = Self.families(of: catalog).map { Family(category: $0.category, apis: $0.apis) }
        services = catalog.services.map { Service(id: $0.id, name: $0.name, apis: $0.apis, rightsPackage: $0.rightsPackage) }
    }

    /// The catalog's family words: categories listed by more than one entry, each with those
    /// entries' ids in catalog order, sorted by category. Classify reads such a category as
    /// "every one of these" when a notice names none of them (see config/catalog.toml).
    public static func families(of catalog: Catalog) -> [(category: String, apis: [String])] {
        var members: [String: [String]] = [:]
        for api in catalog.apis {
            for category in api.categories where members[category]?.contains(api.id) != true {
                members[category, default: []].append(api.id)
            }
        }
        return members.filter { $0.value.count > 1 }.map { (category: $0.key, apis: $0.value) }.sorted { $0.category < $1.category }
    }

    enum CodingKeys: String, CodingKey { case source, apis, families, services }
}
