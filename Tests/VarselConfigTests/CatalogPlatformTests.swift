import Foundation
import Testing
import VarselConfig
import VarselModel

/// catalog.toml's `kind`, `status_components` and `depends_on`, and the platforms in the real catalog.
@Suite struct CatalogPlatformTests {
    private let platform = """
        [[apis]]
        id = "maskinporten"
        name = "Maskinporten"
        kind = "platform"
        status_components = ["Maskinporten"]

        """

    @Test func kindComponentsAndDependenciesDecode() throws {
        let catalog = try ConfigLoader.loadCatalog(
            text: """
                [[apis]]
                id = "inntekt"
                name = "Inntekt API"
                status_components = ["b2lb1m6kr3s5", "Inntekt API"]
                depends_on = ["maskinporten"]

                """ + platform,
            file: "catalog.toml")
        #expect(
            catalog.apis == [
                CatalogAPI(
                    id: "inntekt", name: "Inntekt API", statusComponents: ["b2lb1m6kr3s5", "Inntekt API"],
                    dependsOn: ["maskinporten"]),
                CatalogAPI(id: "maskinporten", name: "Maskinporten", kind: .platform, statusComponents: ["Maskinporten"]),
            ])
    }

    @Test func entryWithoutKindIsAnAPI() throws {
        let catalog = try ConfigLoader.loadCatalog(text: "[[apis]]\nid = \"inntekt\"\nname = \"Inntekt API\"\n", file: "c.toml")
        #expect(catalog.apis.map(\.kind) == [.api])
    }

    @Test func unknownKindIsRejectedWithTheAllowedValues() throws {
        let error = try #require(catalogError("[[apis]]\nid = \"fiks\"\nname = \"KS Fiks\"\nkind = \"plattform\"\n"))
        #expect(
            error.description
                == "catalog.toml:4: apis[0].kind: \"plattform\" is not one of \"api\", \"platform\"; did you mean \"platform\"?")
    }

    @Test func dependsOnNamingNoEntryIsRejectedWithTheKnownPlatforms() throws {
        let text = "[[apis]]\nid = \"inntekt\"\nname = \"Inntekt API\"\ndepends_on = [\"maskinporen\"]\n\n" + platform
        let error = try #require(catalogError(text))
        #expect(
            error
                == .invalidValue(
                    file: "catalog.toml", line: 4, key: "apis[0].depends_on[0]",
                    problem: "\"maskinporen\" is not a catalog entry; did you mean \"maskinporten\"? (platforms: maskinporten)"))
    }

    @Test func dependsOnAnAPIIsRejected() throws {
        let text = """
            [[apis]]
            id = "inntekthendelser"
            name = "Inntekt hendelser"
            depends_on = ["maskinporten", "inntekt"]

            [[apis]]
            id = "inntekt"
            name = "Inntekt API"

            """ + platform
        let error = try #require(catalogError(text))
        #expect(error.line == 4)
        #expect(error.key == "apis[0].depends_on[1]")
        #expect(
            error.description.contains("\"inntekt\" is an API, not a platform; depends_on names entries with kind = \"platform\"")
        )
    }

    @Test func entryDependingOnItselfIsRejected() throws {
        let text = platform + "depends_on = [\"maskinporten\"]\n"
        let error = try #require(catalogError(text))
        #expect(
            error
                == .invalidValue(
                    file: "catalog.toml", line: 6, key: "apis[0].depends_on[0]",
                    problem: "\"maskinporten\" cannot depend on itself"))
    }

    @Test func platformListedTwiceInDependsOnIsRejected() throws {
        let text =
            "[[apis]]\nid = \"inntekt\"\nname = \"Inntekt API\"\ndepends_on = [\"maskinporten\", \"maskinporten\"]\n\n" + platform
        #expect(catalogError(text)?.description == "catalog.toml:4: apis[0].depends_on[1]: \"maskinporten\" is listed twice")
    }

    @Test func statusComponentOfTwoEntriesIsRejectedNamingBoth() throws {
        let text =
            platform + """
                [[apis]]
                id = "idporten"
                name = "ID-porten"
                kind = "platform"
                status_components = ["ID-porten", "maskinporten"]
                """
        let error = try #require(catalogError(text))
        #expect(error.line == 10)
        #expect(error.key == "apis[1].status_components[1]")
        #expect(
            error.description.hasSuffix(
                "status component \"maskinporten\" is already listed by \"maskinporten\" (apis[0].status_components[0] on line 5); "
                    + "a component may stand for one catalog entry only"))
    }

    @Test func emptyStatusComponentIsRejected() throws {
        let error = try #require(catalogError(platform.replacingOccurrences(of: "[\"Maskinporten\"]", with: "[\" \"]")))
        #expect(error.key == "apis[0].status_components[0]")
        #expect(error.description.hasSuffix("must not be empty"))
    }

    @Test func realCatalogHasThePlatformsAndEverySkatteetatenAPINeedsMaskinporten() throws {
        let catalog = try realCatalog()
        let platforms = catalog.apis.filter { $0.kind == .platform }
        #expect(platforms.map(\.id) == ["maskinporten", "idporten", "altinn", "ksfiks"])
        #expect(platforms.map(\.name) == ["Maskinporten", "ID-porten", "Altinn", "KS Fiks plattform"])
        #expect(catalog.api("maskinporten")?.statusComponents == ["Maskinporten"])
        #expect(catalog.api("idporten")?.statusComponents == ["ID-porten"])
        #expect(catalog.api("altinn")?.statusComponents == ["Altinn"])
        let apis = catalog.apis.filter { $0.kind == .api }
        #expect(apis.count > 40)
        for api in apis {
            #expect(api.dependsOn == ["maskinporten"], "\(api.id)")
        }
        #expect(platforms.allSatisfy { $0.dependsOn.isEmpty })
    }

    @Test func maskinportenIsProbedAtItsPublicMetadataExpecting200() throws {
        let probe = try #require(try realCatalog().api("maskinporten")?.probe)
        #expect(probe.url == "https://maskinporten.no/.well-known/oauth-authorization-server")
        #expect(probe.testURL == "https://test.maskinporten.no/.well-known/oauth-authorization-server")
        #expect(probe.expectedStatuses == [200])
        // The other platforms have no URL, so they are not probed.
        let probed = try realCatalog().apis.filter { $0.kind == .platform && $0.probe != nil }.map(\.id)
        #expect(probed == ["maskinporten"])
    }
}
