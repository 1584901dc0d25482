import Testing
import VarselConfig
import VarselModel

@Suite struct CatalogLoaderTests {
    @Test func catalogDecodesIntoTheSharedTypes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            "catalog.toml",
            """
            # APIs
            [[apis]]
            id = "summertskattegrunnlag"
            name = "Summert skattegrunnlag API"
            aliases = ["Summert skattegrunnlag", "SSG"]
            categories = ["Skatteoppgjør", "inntekt"]
            scope = "skatteetaten:summertskattegrunnlag"
            url = "https://summertskattegrunnlag.api.skatteetaten.no/v2"
            test_url = "https://summertskattegrunnlag.api.skatteetaten-test.no/v2"

            [[apis]]
            id = "folkeregisteret"
            name = "Folkeregisteret"

            [[services]]
            id = "foreldrebetaling"
            name = "Redusert foreldrebetaling barnehage og SFO/AKS"
            apis = ["summertskattegrunnlag"]
            rights_package = "Kommunal saksbehandling"
            """)
        let catalog = try ConfigLoader.loadCatalog(path: file)
        #expect(
            catalog.apis == [
                CatalogAPI(
                    id: "summertskattegrunnlag", name: "Summert skattegrunnlag API",
                    aliases: ["Summert skattegrunnlag", "SSG"], categories: ["skatteoppgjør", "inntekt"],
                    scope: "skatteetaten:summertskattegrunnlag", url: "https://summertskattegrunnlag.api.skatteetaten.no/v2",
                    testURL: "https://summertskattegrunnlag.api.skatteetaten-test.no/v2",
                    probe: ProbeSettings(
                        url: "https://summertskattegrunnlag.api.skatteetaten.no/v2/",
                        testURL: "https://summertskattegrunnlag.api.skatteetaten-test.no/v2/")),
                CatalogAPI(id: "folkeregisteret", name: "Folkeregisteret"),
            ])
        #expect(
            catalog.services == [
                MunicipalService(
                    id: "foreldrebetaling", name: "Redusert foreldrebetaling barnehage og SFO/AKS",
                    apis: ["summertskattegrunnlag"], rightsPackage: "Kommunal saksbehandling")
            ])
    }

    @Test func emptyCatalogFileIsAnEmptyCatalog() throws {
        #expect(try ConfigLoader.loadCatalog(text: "# nothing yet\n", file: "catalog.toml") == Catalog(apis: []))
    }

    @Test func serviceNamingAnUnknownAPIIsAnUnknownReference() {
        let text = """
            [[apis]]
            id = "inntekt"
            name = "Inntekt API"
            [[services]]
            id = "sosialhjelp"
            name = "Økonomisk sosialhjelp"
            apis = ["inntekt", "intekt"]
            """
        #expect(
            catalogError(text)
                == .unknownReference(
                    file: "catalog.toml", line: 7, key: "services[0].apis", value: "intekt", suggestion: "inntekt"))
    }

    @Test func duplicateAPIIdsAreRejected() {
        let text = "[[apis]]\nid = \"inntekt\"\nname = \"A\"\n\n[[apis]]\nid = \"inntekt\"\nname = \"B\"\n"
        #expect(
            catalogError(text) == .duplicate(file: "catalog.toml", line: 6, key: "apis[1].id", value: "inntekt", firstLine: 2))
    }

    @Test func catalogRejectsUnknownKeysBadIdsAndMissingNames() {
        #expect(catalogError("[[apis]]\nid = \"inntekt\"\nname = \"A\"\ntesturl = \"https://x.no\"\n")?.key == "apis[0].testurl")
        #expect(catalogError("[[apis]]\nid = \"Inntekt API\"\nname = \"A\"\n")?.key == "apis[0].id")
        #expect(
            catalogError("[[apis]]\nid = \"inntekt\"\n")
                == .missingKey(file: "catalog.toml", line: 1, key: "apis[0].name", expected: "a string: the API's display name"))
        #expect(catalogError("[[apis]]\nid = \"inntekt\"\nname = \"A\"\nurl = \"ftp://x.no\"\n")?.key == "apis[0].url")
        #expect(catalogError("[[api]]\nid = \"inntekt\"\n")?.key == "api")
    }
}
