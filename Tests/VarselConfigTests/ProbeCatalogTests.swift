import Testing
import VarselConfig
import VarselModel

/// catalog.toml's `[probe_defaults]` and `[apis.probe]`.
@Suite struct ProbeCatalogTests {
    @Test func apiWithAURLIsProbedWithTheBuiltInDefaultsAtItsURLWithASlash() throws {
        let catalog = try ConfigLoader.loadCatalog(
            text: """
                [[apis]]
                id = "inntekt"
                name = "Inntekt API"
                url = "https://inntekt.api.skatteetaten.no/v1"
                test_url = "https://inntekt.api.skatteetaten-test.no/v1/"
                """, file: "catalog.toml")
        let probe = try #require(catalog.apis[0].probe)
        #expect(
            probe
                == ProbeSettings(
                    url: "https://inntekt.api.skatteetaten.no/v1/", testURL: "https://inntekt.api.skatteetaten-test.no/v1/"))
        #expect(probe.expectedStatuses == Set(200...399).union([401, 403, 404]))
        #expect(probe.method == "GET" && probe.interval == .seconds(60) && probe.timeout == .seconds(10))
    }

    @Test func probeDefaultsApplyToEveryAPIAndEachAPIOverridesThem() throws {
        let catalog = try ConfigLoader.loadCatalog(
            text: """
                [probe_defaults]
                method = "HEAD"
                expect = [200, "4xx"]
                interval = "30s"
                timeout = "5s"
                failure_threshold = 4
                success_threshold = 1
                tls_warn_days = 0

                [[apis]]
                id = "a"
                name = "A API"
                url = "https://a.api.skatteetaten.no/v1"

                [[apis]]
                id = "b"
                name = "B API"
                url = "https://b.api.skatteetaten.no/v2"
                test_url = "https://b.api.skatteetaten-test.no/v2"
                [apis.probe]
                url = "https://b.api.skatteetaten.no/v2/ping"
                method = "GET"
                expect = [204]
                interval = "5m"
                failure_threshold = 10

                [[apis]]
                id = "nourl"
                name = "No URL"

                [[apis]]
                id = "off"
                name = "Off API"
                url = "https://off.api.skatteetaten.no/v1"
                [apis.probe]
                enabled = false

                [[apis]]
                id = "testonly"
                name = "Test only"
                [apis.probe]
                test_url = "http://127.0.0.1:8080/v1/"
                """, file: "catalog.toml")
        let defaults = ProbeSettings(
            method: "HEAD", expectedStatuses: Set(400...499).union([200]), timeout: .seconds(5), interval: .seconds(30),
            failureThreshold: 4, successThreshold: 1, tlsWarnDays: 0)
        var a = defaults
        a.url = "https://a.api.skatteetaten.no/v1/"
        var b = defaults
        b.url = "https://b.api.skatteetaten.no/v2/ping"
        b.testURL = "https://b.api.skatteetaten-test.no/v2/"
        b.method = "GET"
        b.expectedStatuses = [204]
        b.interval = .seconds(300)
        b.failureThreshold = 10
        var testOnly = defaults
        testOnly.testURL = "http://127.0.0.1:8080/v1/"
        #expect(catalog.apis.map(\.probe) == [a, b, nil, nil, testOnly])
    }

    @Test func badProbeValuesNameFileLineAndKey() {
        let api = "[[apis]]\nid = \"a\"\nname = \"A\"\nurl = \"https://a.api.skatteetaten.no/v1\"\n[apis.probe]\n"
        #expect(
            catalogError(api + "method = \"POST\"\n")
                == .invalidValue(
                    file: "catalog.toml", line: 6, key: "apis[0].probe.method",
                    problem: "\"POST\" is not one of \"GET\", \"HEAD\""))
        #expect(catalogError(api + "method = \"get\"\n")?.description.contains("did you mean \"GET\"?") == true)
        #expect(
            catalogError(api + "expect = [\n  200,\n  600,\n]\n")
                == .invalidValue(
                    file: "catalog.toml", line: 8, key: "apis[0].probe.expect[1]",
                    problem: "integer 600 is not a status 100...599 or a class \"1xx\"...\"5xx\""))
        #expect(catalogError(api + "expect = [\"2xx\", \"6xx\"]\n")?.key == "apis[0].probe.expect[1]")
        #expect(catalogError(api + "expect = []\n")?.key == "apis[0].probe.expect")
        #expect(catalogError(api + "expect = 200\n")?.key == "apis[0].probe.expect")
        #expect(
            catalogError("[probe_defaults]\nfailure_threshold = 0\n")
                == .invalidValue(
                    file: "catalog.toml", line: 2, key: "probe_defaults.failure_threshold",
                    problem: "0 is out of range; allowed 1...1000"))
        #expect(catalogError(api + "success_threshold = 0\n")?.key == "apis[0].probe.success_threshold")
        #expect(catalogError(api + "tls_warn_days = -1\n")?.key == "apis[0].probe.tls_warn_days")
        #expect(catalogError(api + "interval = 60\n")?.key == "apis[0].probe.interval")
        #expect(
            catalogError(api + "timeout = \"2m\"\n")
                == .invalidValue(
                    file: "catalog.toml", line: 6, key: "apis[0].probe.timeout",
                    problem: "timeout (2m) is longer than interval (1m)"))
    }

    @Test func probeURLsMustBeHTTPSOrHTTPToLoopback() throws {
        let api = "[[apis]]\nid = \"a\"\nname = \"A\"\n[apis.probe]\n"
        let error = try #require(catalogError(api + "url = \"http://a.api.skatteetaten.no/v1/\"\n"))
        #expect(error.file == "catalog.toml" && error.line == 5 && error.key == "apis[0].probe.url")
        #expect(error.description.contains("plain http to a.api.skatteetaten.no is not allowed"))
        #expect(catalogError(api + "test_url = \"file:///etc/passwd\"\n")?.key == "apis[0].probe.test_url")
        #expect(catalogError(api + "url = \"https://user:pw@a.api.skatteetaten.no/\"\n")?.key == "apis[0].probe.url")
        // The API's own URLs follow the same rule, so a derived probe URL is always acceptable.
        #expect(catalogError("[[apis]]\nid = \"a\"\nname = \"A\"\nurl = \"http://a.example.no/v1\"\n")?.key == "apis[0].url")
        #expect(catalogError(api + "url = \"http://[::1]:8080/v1/\"\n") == nil)
        #expect(catalogError(api + "url = \"http://localhost:8080/\"\n") == nil)
    }

    @Test func unknownKeysInProbeTablesAreErrorsWithSuggestions() {
        let api = "[[apis]]\nid = \"a\"\nname = \"A\"\n\n[apis.probe]\n"
        let error = catalogError(api + "interval = \"30s\"\nintervall = \"30s\"\n")
        guard case .unknownKey(let file, let line, let key, let suggestion, let allowed) = error else {
            Issue.record("expected unknownKey, got \(String(describing: error))")
            return
        }
        #expect(file == "catalog.toml" && line == 7 && key == "apis[0].probe.intervall" && suggestion == "interval")
        #expect(allowed.contains("url") && allowed.contains("tls_warn_days"))
        // [probe_defaults] takes no URL: a default URL would point every API at one host.
        #expect(catalogError("[probe_defaults]\nurl = \"https://x.no/\"\n")?.key == "probe_defaults.url")
        #expect(
            catalogError("[probe_default]\ninterval = \"30s\"\n")?.description.contains("did you mean \"probe_defaults\"?")
                == true)
    }

    @Test func realCatalogProbesEveryAPIWithAURLAtItsBaseURL() throws {
        let catalog = try realCatalog()
        // Skatteetaten's APIs; platforms (Maskinporten) are probed at their own URLs (CatalogPlatformTests).
        let withURL = catalog.apis.filter { $0.kind == .api && $0.url != nil }
        #expect(withURL.count >= 40)
        for api in withURL {
            let probe = try #require(api.probe, "\(api.id)")
            #expect(probe.url == api.url.map { $0 + "/" }, "\(api.id)")
            #expect(probe.testURL == api.testURL.map { $0 + "/" }, "\(api.id)")
            #expect(probe.url?.hasPrefix("https://\(api.id).api.skatteetaten.no/v") == true, "\(api.id)")
            #expect(
                probe
                    == ProbeSettings(
                        url: probe.url, testURL: probe.testURL, interval: .seconds(60), failureThreshold: 3,
                        successThreshold: 2, tlsWarnDays: 14), "\(api.id)")
        }
        #expect(catalog.api("folkeregisteret")?.probe == nil)
        #expect(catalog.api("spesifisertsummertskattegrunnlag")?.probe == nil)
        #expect(catalog.apis.filter { $0.kind == .api && $0.url == nil }.allSatisfy { $0.probe == nil })
    }
}
