import Crypto

/// The data files compiled into the binary, so that a config naming none of them still works
/// (issue 10: the README's minimal config classifies APIs with the built-in catalog).
///
/// Each case is a file in `Sources/VarselConfig/BuiltIn/`, embedded by SwiftPM
/// (`resources: [.embedInCode(...)]` in Package.swift generates `PackageResources.<file_name>`).
/// Those files are symlinks to the canonical copies under `config/`, so editing
/// config/catalog.toml changes the binary at the next build and the two cannot drift
/// (VarselConfigTests compares the bytes). Adding a file: a symlink in BuiltIn/, one
/// `.embedInCode` line in Package.swift, one case here.
public enum BuiltInData: String, Sendable, CaseIterable {
    /// config/catalog.toml: the APIs, platforms and municipal services (see `ConfigLoader.loadBuiltInCatalog()`).
    case catalog = "catalog.toml"
    /// config/lexicon.toml: the words the classifier reads notices by (see `ConfigLoader.loadBuiltInLexicon()`).
    case lexicon = "lexicon.toml"

    /// The file's name under config/ (and BuiltIn/).
    public var fileName: String { rawValue }

    /// The file's bytes as they were when the binary was built.
    public var bytes: [UInt8] {
        switch self {
        case .catalog: PackageResources.catalog_toml
        case .lexicon: PackageResources.lexicon_toml
        }
    }

    /// The bytes as text (the files are UTF-8 TOML).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Lower-case hex SHA-256 of `bytes`: compare with `sha256sum config/catalog.toml` to know
    /// which version of the file a binary carries.
    public var sha256: String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The name errors in this file print: says it is the copy inside the binary, not a file on disk.
    public var displayName: String { "\(rawValue) (built into the binary)" }
}
