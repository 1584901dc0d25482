public import VarselConfig
public import VarselModel

/// `varselvakt catalog` and `varselvakt catalog unknown` as text: tables an operator reads, with
/// a closing line that says what was listed and from where.
public enum CatalogText {
    /// The entries (APIs, then platforms), the families and the services, then the
    /// check-config line naming the catalog in force.
    public static func render(_ catalog: Catalog, source: CatalogSource) -> String {
        var entries = TextTable(
            ["ID", "KIND", "NAME", "ALIASES", "CATEGORIES", "STATUS COMPONENTS", "DEPENDS ON"],
            maxWidths: [34, 8, 40, 50, 30, 40, 30])
        for api in catalog.apis.filter({ $0.kind == .api }) + catalog.apis.filter({ $0.kind == .platform }) {
            entries.add([
                api.id, api.kind.rawValue, api.name, list(api.aliases), list(api.categories), list(api.statusComponents),
                list(api.dependsOn),
            ])
        }
        var sections = [entries.render()]
        let families = CatalogJSON.families(of: catalog)
        if !families.isEmpty {
            var table = TextTable(["FAMILY", "APIS"], maxWidths: [30, 200])
            for family in families { table.add([family.category, family.apis.joined(separator: ", ")]) }
            sections.append(table.render())
        }
        if !catalog.services.isEmpty {
            var table = TextTable(["SERVICE", "NAME", "APIS"], maxWidths: [30, 60, 120])
            for service in catalog.services { table.add([service.id, service.name, service.apis.joined(separator: ", ")]) }
            sections.append(table.render())
        }
        sections.append(source.summaryLine(for: catalog))
        return sections.joined(separator: "\n\n")
    }

    /// One line per (name, notice): the name, the notice's id, feed, date and title; then a count.
    public static func render(_ names: [UnrecognisedAPI]) -> String {
        guard !names.isEmpty else { return "No unrecognised API names in the stored notices." }
        var table = TextTable(["NAME", "NOTICE", "FEED", "PUBLISHED", "STATUS", "TITLE"], maxWidths: [40, 120, 40, 16, 9, 80])
        for name in names {
            for mention in name.notices {
                table.add([
                    name.name, mention.id.rawValue, mention.feedID.rawValue, mention.published.map(OutputDate.short) ?? "-",
                    mention.status.rawValue, mention.title,
                ])
            }
        }
        let notices = Set(names.flatMap { $0.notices.map(\.id) }).count
        return table.render() + "\n\(names.count) unrecognised API names, in \(notices) notices"
    }

    private static func list(_ values: [String]) -> String { values.isEmpty ? "-" : values.joined(separator: ", ") }
}

/// An unrecognised API name as `varselvakt catalog unknown --json` prints it (snake_case keys).
public struct UnrecognisedAPIJSON: Encodable, Sendable {
    public struct Mention: Encodable, Sendable {
        var id: String
        var feed: String
        var title: String
        var published: String?
        var status: String

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(feed, forKey: .feed)
            try c.encode(title, forKey: .title)
            try c.encode(published, forKey: .published)
            try c.encode(status, forKey: .status)
        }
        enum CodingKeys: String, CodingKey { case id, feed, title, published, status }
    }

    var name: String
    var notices: [Mention]

    public init(_ name: UnrecognisedAPI) {
        self.name = name.name
        notices = name.notices.map {
            Mention(
                id: $0.id.rawValue, feed: $0.feedID.rawValue, title: $0.title, published: $0.published.map(OutputDate.iso),
                status: $0.status.rawValue)
        }
    }
}
