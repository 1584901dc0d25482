import VarselModel

/// The catalog rules that look across `[[apis]]` entries, checked once every entry is read (so
/// an API may name a platform listed further down):
/// * `depends_on` names catalog entries of kind "platform", each once, never the entry itself:
///   routing sends a platform's notices to the subscribers of every API that depends on it, so a
///   dependency on an API (or a typo) would silently widen or lose alerts;
/// * a status component (code or name, compared without regard to case) belongs to one entry
///   only, else an incident on that component could not say which entry it concerns.
enum CatalogLinks {
    /// - Parameter readers: the `[[apis]]` tables, in the order `apis` was decoded from them.
    static func check(_ apis: [CatalogAPI], readers: [TableReader]) throws(ConfigError) {
        var kinds: [String: CatalogEntryKind] = [:]
        for api in apis { kinds[api.id] = api.kind }
        let platforms = apis.filter { $0.kind == .platform }.map(\.id)
        var componentOwners: [String: (id: String, key: String, line: Int?)] = [:]
        for (api, reader) in zip(apis, readers) {
            for (position, platform) in api.dependsOn.enumerated() {
                let line = reader.line(of: "depends_on", element: position)
                let key = "\(reader.keyPath("depends_on"))[\(position)]"
                if platform == api.id {
                    throw .invalidValue(
                        file: reader.file, line: line, key: key, problem: "\"\(api.id)\" cannot depend on itself")
                }
                if api.dependsOn[..<position].contains(platform) {
                    throw .invalidValue(file: reader.file, line: line, key: key, problem: "\"\(platform)\" is listed twice")
                }
                switch kinds[platform] {
                case nil:
                    throw .invalidValue(
                        file: reader.file, line: line, key: key,
                        problem: "\"\(TextRules.shown(platform))\" is not a catalog entry\(hint(platform, platforms))")
                case .api:
                    throw .invalidValue(
                        file: reader.file, line: line, key: key,
                        problem: "\"\(platform)\" is an API, not a platform; depends_on names entries with "
                            + "kind = \"platform\"\(hint(platform, platforms))")
                case .platform:
                    break
                }
            }
            for (position, component) in api.statusComponents.enumerated() {
                let line = reader.line(of: "status_components", element: position)
                let key = "\(reader.keyPath("status_components"))[\(position)]"
                let folded = component.lowercased()
                if let owner = componentOwners[folded] {
                    let first = owner.line.map { " on line \($0)" } ?? ""
                    let owned = owner.id == api.id ? "earlier in this list" : "by \"\(owner.id)\" (\(owner.key)\(first))"
                    throw .invalidValue(
                        file: reader.file, line: line, key: key,
                        problem: "status component \"\(TextRules.shown(component))\" is already listed \(owned); "
                            + "a component may stand for one catalog entry only")
                }
                componentOwners[folded] = (api.id, key, line)
            }
        }
    }

    /// "; the platforms are maskinporten, idporten" (with a closest-match suggestion first).
    private static func hint(_ text: String, _ platforms: [String]) -> String {
        var hint = KeySuggestion.closest(to: text, among: platforms).map { "; did you mean \"\($0)\"?" } ?? ""
        hint += platforms.isEmpty ? " (the catalog has no platforms)" : " (platforms: \(platforms.joined(separator: ", ")))"
        return hint
    }
}
