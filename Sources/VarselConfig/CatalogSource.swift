public import VarselModel

/// Which catalog is in force, in `ConfigLoader`'s order of preference: the file `[catalog] path`
/// names (it must exist), else catalog.toml beside the config file if there is one, else the
/// copy built into the binary (`BuiltInData.catalog`). Feeds, subscribers and probes are
/// checked against that one catalog; `check-config` and `varselvakt catalog` say which it was.
public enum CatalogSource: Sendable, Hashable, CustomStringConvertible {
    /// `[catalog] path`, resolved to an absolute path.
    case file(String)
    /// catalog.toml next to the config file (absolute path), used because no path was given.
    case besideConfig(String)
    /// No file: config/catalog.toml as embedded at build time, with its SHA-256 (lower-case hex).
    case builtIn(sha256: String)

    /// The file read, or nil for the built-in catalog.
    public var path: String? {
        switch self {
        case .file(let path), .besideConfig(let path): path
        case .builtIn: nil
        }
    }

    /// "/etc/varselvakt/catalog.toml" or "built into the binary": how the summary names it.
    public var description: String {
        switch self {
        case .file(let path), .besideConfig(let path): path
        case .builtIn: "built into the binary"
        }
    }

    /// One line for an operator: "Catalog: built into the binary (47 APIs, 4 platforms, 5 services)".
    /// The built-in one adds the first 12 hex digits of its SHA-256, to compare with
    /// `sha256sum config/catalog.toml`.
    public func summaryLine(for catalog: Catalog) -> String {
        let apis = catalog.apis.count { $0.kind == .api }
        let platforms = catalog.apis.count { $0.kind == .platform }
        var counts = "\(apis) APIs, \(platforms) platforms, \(catalog.services.count) services"
        if case .builtIn(let sha256) = self { counts += "; sha256 \(sha256.prefix(12))" }
        return "Catalog: \(description) (\(counts))"
    }
}
