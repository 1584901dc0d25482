import Foundation
import TestSupport
import Testing
import VarselConfig
import VarselModel

/// config/catalog.toml, read through the real loader (VarselConfig), must equal `TestCatalog`,
/// the Swift mirror the classifier tests use; and the catalog itself must be sound.
@Suite struct CatalogTests {
    @Test func catalogFileLoadsAndMatchesTestCatalog() throws {
        let loaded = try ConfigLoader.loadCatalog(path: Fixtures.root.appendingPathComponent("config/catalog.toml").path)
        #expect(loaded.apis.map(\.id) == TestCatalog.catalog.apis.map(\.id))
        for (api, mirror) in zip(loaded.apis, TestCatalog.catalog.apis) {
            // The mirror carries what classification uses; probe settings are VarselConfig's to test.
            var classified = api
            classified.probe = nil
            #expect(classified == mirror, "\(api.id)")
        }
        #expect(loaded.services == TestCatalog.catalog.services)
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
