import Foundation
import Testing
import VarselConfig
import VarselModel

/// Which catalog is in force (issue 10): `[catalog] path`, else catalog.toml beside the config,
/// else the one built into the binary, which is config/catalog.toml byte for byte.
@Suite struct BuiltInCatalogTests {
    /// The README's minimal config ([store] + [[feeds]]) in a directory with no catalog.toml.
    @Test func minimalConfigWithoutCatalogFileUsesTheBuiltInCatalog() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("varselvakt.toml", minimalConfig)

        let config = try ConfigLoader.load(path: file, environment: [:])
        #expect(config.catalogSource == .builtIn(sha256: BuiltInData.catalog.sha256))
        #expect(config.catalogPath == nil)
        let ids = config.catalog.apis.map(\.id)
        #expect(ids.contains("summertskattegrunnlag") && ids.contains("maskinporten"))
        #expect(config.catalog.api("maskinporten")?.kind == .platform)
        #expect(config.catalog == (try realCatalog()))
        let apis = config.catalog.apis.count { $0.kind == .api }
        let platforms = config.catalog.apis.count { $0.kind == .platform }
        let line = "Catalog: built into the binary (\(apis) APIs, \(platforms) platforms, \(config.catalog.services.count) services; "
            + "sha256 \(BuiltInData.catalog.sha256.prefix(12)))"
        #expect(config.summary().split(separator: "\n").contains { $0 == line })
        #expect(apis > 40 && platforms == 4 && config.catalog.services.count == 5)
    }

    /// The embedding cannot drift from the file it embeds: the bytes are config/catalog.toml's.
    @Test func builtInCatalogBytesEqualConfigCatalogToml() throws {
        let onDisk = try Data(contentsOf: repositoryRoot().appendingPathComponent("config/catalog.toml"))
        #expect(BuiltInData.catalog.bytes == [UInt8](onDisk))
        #expect(BuiltInData.catalog.sha256.count == 64)
        #expect(BuiltInData.allCases.map(\.fileName) == ["catalog.toml", "lexicon.toml"])
    }

    @Test func catalogPathGivenWinsOverTheFileBesideTheConfig() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("catalog.toml", "[[apis]]\nid = \"beside\"\nname = \"Beside API\"\n")
        try directory.write("other.toml", "[[apis]]\nid = \"given\"\nname = \"Given API\"\n")
        let file = try directory.write(
            "varselvakt.toml", minimalConfig + "apis = [\"given\"]\n\n[catalog]\npath = \"other.toml\"\n")

        let config = try ConfigLoader.load(path: file, environment: [:])
        #expect(config.catalogSource == .file(directory.path + "/other.toml"))
        #expect(config.catalog.apis.map(\.id) == ["given"])
        #expect(config.summary().contains("Catalog: \(directory.path)/other.toml (1 APIs, 0 platforms, 0 services)\n"))
    }

    @Test func catalogBesideTheConfigWinsOverTheBuiltInOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("catalog.toml", "[[apis]]\nid = \"beside\"\nname = \"Beside API\"\n")
        let file = try directory.write("varselvakt.toml", minimalConfig)

        let config = try ConfigLoader.load(path: file, environment: [:])
        #expect(config.catalogSource == .besideConfig(directory.path + "/catalog.toml"))
        #expect(config.catalogPath == directory.path + "/catalog.toml")
        #expect(config.catalog.apis.map(\.id) == ["beside"])
        #expect(!config.summary().contains("Catalog: built into the binary"))
    }

    /// A feed's `apis` are checked against the catalog in force, which may be the built-in one.
    @Test func feedAPIsAreCheckedAgainstTheBuiltInCatalog() throws {
        let accepted = try ConfigLoader.load(
            text: minimalConfig + "apis = [\"summertskattegrunnlag\", \"maskinporten\"]\n", file: "varselvakt.toml",
            baseDirectory: "/nonexistent-varselvakt-dir")
        #expect(accepted.feeds[0].apis == ["summertskattegrunnlag", "maskinporten"])
        #expect(
            configError(minimalConfig + "apis = [\"summertskattegrunlag\"]\n")
                == .unknownReference(
                    file: "varselvakt.toml", line: 6, key: "feeds[0].apis", value: "summertskattegrunlag",
                    suggestion: "summertskattegrunnlag"))
    }
}
