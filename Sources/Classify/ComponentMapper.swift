public import VarselModel

/// Maps status-page components to catalog entries (`status_components` in catalog.toml).
///
/// A component code wins over a name: Statuspage codes are stable while names are edited by the
/// page's owner, so when a component's code is listed by one entry and its name by another, the
/// code's entry is the one meant. Names are compared case-folded with whitespace collapsed.
/// A component named exactly like an entry's name or one of its aliases maps to it as well.
/// Components nobody listed are returned as unmapped (by name), never dropped: the scope rules
/// then send the notice to KS and the "all" subscribers.
public struct ComponentMapper: Sendable {
    private let byCode: [String: String]
    private let byName: [String: String]

    public init(catalog: Catalog) {
        var byCode: [String: String] = [:]
        var byName: [String: String] = [:]
        for api in catalog.apis {
            for component in api.statusComponents {
                // A listed value may be either; a code never contains spaces, a name may equal a code.
                byCode[component] = byCode[component] ?? api.id
                byName[Self.fold(component)] = byName[Self.fold(component)] ?? api.id
            }
        }
        // A component named exactly as an entry's display name or an alias ("Inntekt API") means
        // that entry even when nobody listed it: pages name components after the product. Listed
        // values come first and win.
        for api in catalog.apis {
            for name in [api.name] + api.aliases where byName[Self.fold(name)] == nil {
                byName[Self.fold(name)] = api.id
            }
        }
        self.byCode = byCode
        self.byName = byName
    }

    /// Catalog ids the components map to (sorted, unique) and the names of those that map to none.
    public func map(_ components: [StatusComponent]) -> (apis: [String], unmapped: [String]) {
        var apis: Set<String> = []
        var unmapped: [String] = []
        for component in components {
            if let id = api(for: component) {
                apis.insert(id)
            } else if !unmapped.contains(component.name) {
                unmapped.append(component.name)
            }
        }
        return (apis.sorted(), unmapped.sorted())
    }

    /// The catalog id one component maps to, by code first, then by name; nil when none.
    public func api(for component: StatusComponent) -> String? {
        if let code = component.code, let id = byCode[code] { return id }
        return byName[Self.fold(component.name)]
    }

    static func fold(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
