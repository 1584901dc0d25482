import Foundation
import Testing
import VarselModel

/// config/catalog.toml is read by VarselConfig's TOML decoder (built elsewhere). Until that can
/// be used here, these tests check the file line by line: every `key = "value"` / `key = [..]`
/// line inside a `[[apis]]` / `[[services]]` block. Enough to prove the file and `TestCatalog`
/// agree and that ids and references are sound; not a TOML parser.
@Suite struct CatalogTests {
    struct Block: Equatable {
        var table: String
        var values: [String: [String]] = [:]
    }

    static func blocks() throws -> [Block] {
        let text = try String(contentsOf: RepoPaths.root.appendingPathComponent("config/catalog.toml"), encoding: .utf8)
        var blocks: [Block] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[[") {
                blocks.append(Block(table: line.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))))
                continue
            }
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "="), !blocks.isEmpty else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            blocks[blocks.count - 1].values[key] = quotedStrings(in: String(line[line.index(after: equals)...]))
        }
        return blocks
    }

    /// The "..." strings before any trailing # comment.
    static func quotedStrings(in value: String) -> [String] {
        var strings: [String] = []
        var current: String?
        for character in value {
            if character == "\"" {
                if let done = current { strings.append(done); current = nil } else { current = "" }
            } else if current != nil {
                current?.append(character)
            } else if character == "#" {
                break
            }
        }
        return strings
    }

    @Test func catalogFileMatchesTestCatalog() throws {
        let blocks = try Self.blocks()
        let apis = blocks.filter { $0.table == "apis" }
        let services = blocks.filter { $0.table == "services" }
        #expect(apis.count == TestCatalog.catalog.apis.count)
        #expect(services.count == TestCatalog.catalog.services.count)
        for (block, api) in zip(apis, TestCatalog.catalog.apis) {
            #expect(block.values["id"] == [api.id])
            #expect(block.values["name"] == [api.name])
            #expect((block.values["aliases"] ?? []) == api.aliases, "\(api.id)")
            #expect((block.values["categories"] ?? []) == api.categories, "\(api.id)")
            #expect(block.values["scope"]?.first == api.scope, "\(api.id)")
            #expect(block.values["url"]?.first == api.url, "\(api.id)")
            #expect(block.values["test_url"]?.first == api.testURL, "\(api.id)")
        }
        for (block, service) in zip(services, TestCatalog.catalog.services) {
            #expect(block.values["id"] == [service.id])
            #expect(block.values["apis"] == service.apis)
            #expect(block.values["rights_package"]?.first == service.rightsPackage)
        }
    }

    @Test func catalogFileUsesOnlyTheAgreedKeys() throws {
        for block in try Self.blocks() {
            let allowed: Set<String> = block.table == "apis"
                ? ["id", "name", "aliases", "categories", "scope", "url", "test_url"]
                : ["id", "name", "apis", "rights_package"]
            #expect(Set(block.values.keys).isSubset(of: allowed), "\(block.values["id"] ?? [])")
            #expect(block.values["id"]?.count == 1 && block.values["name"]?.count == 1)
        }
    }

    @Test func idsAreUniqueAndWellFormed() {
        let ids = TestCatalog.catalog.apis.map(\.id)
        #expect(Set(ids).count == ids.count)
        let serviceIDs = TestCatalog.catalog.services.map(\.id)
        #expect(Set(serviceIDs).count == serviceIDs.count)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        for id in ids + serviceIDs {
            #expect(!id.isEmpty && id.allSatisfy(allowed.contains), "\(id)")
        }
    }

    @Test func servicesReferToExistingAPIs() {
        let ids = Set(TestCatalog.catalog.apis.map(\.id))
        for service in TestCatalog.catalog.services {
            #expect(!service.apis.isEmpty)
            #expect(Set(service.apis).isSubset(of: ids), "\(service.id)")
        }
        #expect(TestCatalog.catalog.services.allSatisfy { $0.apis.contains("summertskattegrunnlag") })
    }

    @Test func noTwoAPIsShareANameOrAlias() {
        let names = TestCatalog.catalog.apis.flatMap { [$0.name] + $0.aliases }.map { $0.lowercased() }
        #expect(Set(names).count == names.count)
    }

    @Test func everyAPINamedInTheBriefIsInTheCatalog() {
        let ids = Set(TestCatalog.catalog.apis.map(\.id))
        for id in [
            "summertskattegrunnlag", "spesifisertsummertskattegrunnlag", "inntekt", "inntektsmottakere", "restanser",
            "kravogbetalinger", "beregnetskatt", "sistetilgjengeligeskatteoppgjoer", "skatteoppgjoerhendelser",
            "inntekthendelser", "pgi", "aktivkonto", "tjenestepensjonsavtale", "skattemelding", "folkeregisteret",
        ] {
            #expect(ids.contains(id), "\(id)")
        }
    }
}
