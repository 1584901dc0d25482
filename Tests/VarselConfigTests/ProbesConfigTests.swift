import Foundation
import Testing
import VarselConfig
import VarselModel

/// varselvakt.toml's `[probes]` and `VarselvaktConfig.probeTargets`.
@Suite struct ProbesConfigTests {
    /// Two probed APIs (one without a test URL), one unprobed.
    static let catalog = """
        [[apis]]
        id = "inntekt"
        name = "Inntekt API"
        url = "https://inntekt.api.skatteetaten.no/v1"
        test_url = "https://inntekt.api.skatteetaten-test.no/v1"

        [[apis]]
        id = "restanser"
        name = "Restanser API"
        url = "https://restanser.api.skatteetaten.no/v2"

        [[apis]]
        id = "folkeregisteret"
        name = "Folkeregisteret"
        """

    /// Loads `minimalConfig` + `probes` next to `catalog`; returns the config or the error.
    func load(_ probes: String, catalog: String = ProbesConfigTests.catalog) throws -> Result<VarselvaktConfig, ConfigError> {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("catalog.toml", catalog)
        do {
            return .success(
                try ConfigLoader.load(
                    text: minimalConfig + probes, file: "varselvakt.toml", baseDirectory: directory.path, environment: [:]))
        } catch {
            return .failure(error)
        }
    }

    func error(_ probes: String) throws -> ConfigError? {
        if case .failure(let error) = try load(probes) { return error }
        return nil
    }

    @Test func withoutAProbesSectionProductionIsProbedWithDefaults() throws {
        let config = try load("").get()
        #expect(config.probes == ProbesConfig())
        #expect(config.probes.enabled && config.probes.environments == [.production])
        #expect(config.probes.retention == .seconds(30 * 86_400) && config.probes.concurrency == 64)
        #expect(config.probes.referenceURL == nil && config.probes.apis == nil)
        #expect(
            config.probeTargets.map { "\($0.api) \($0.environment.rawValue) \($0.url)" } == [
                "inntekt production https://inntekt.api.skatteetaten.no/v1/",
                "restanser production https://restanser.api.skatteetaten.no/v2/",
            ])
        #expect(config.probeTargets[0].settings == config.catalog.api("inntekt")?.probe)
    }

    @Test func probesSectionDecodes() throws {
        let config = try load(
            """
            [probes]
            enabled = true
            environment = "test"
            reference_url = "https://www.skatteetaten.no/"
            retention = "7d"
            concurrency = 8
            apis = ["inntekt"]
            """
        ).get()
        #expect(
            config.probes
                == ProbesConfig(
                    environments: [.test], referenceURL: "https://www.skatteetaten.no/", retention: .seconds(7 * 86_400),
                    concurrency: 8, apis: ["inntekt"]))
        #expect(config.probeTargets.map(\.url) == ["https://inntekt.api.skatteetaten-test.no/v1/"])
    }

    @Test func environmentBothProbesProductionAndTestWhereAnAPIHasATestURL() throws {
        let config = try load("[probes]\nenvironment = \"both\"\n").get()
        #expect(config.probes.environments == [.production, .test])
        #expect(
            config.probeTargets.map { "\($0.api) \($0.environment.rawValue) \($0.url)" } == [
                "inntekt production https://inntekt.api.skatteetaten.no/v1/",
                "inntekt test https://inntekt.api.skatteetaten-test.no/v1/",
                "restanser production https://restanser.api.skatteetaten.no/v2/",
            ])
        let summary = config.summary()
        #expect(summary.contains("Probes: production and test, every API the catalog probes; 64 at once; raw results kept 30d"))
        #expect(summary.contains("  APIs probed: 2 in production, 1 in test"))
        #expect(summary.contains("  inntekt, restanser: GET every 1m, timeout 10s, up on 2xx, 3xx, 401, 403, 404;"))
    }

    @Test func disabledProbesAndTheAllowListLimitTheTargets() throws {
        #expect(try load("[probes]\nenabled = false\nenvironment = \"both\"\n").get().probeTargets.isEmpty)
        let only = try load("[probes]\nenvironment = \"both\"\napis = [\"restanser\"]\n").get()
        #expect(only.probeTargets.map { "\($0.api) \($0.environment.rawValue)" } == ["restanser production"])
        #expect(only.summary().contains("Probes: production and test, only restanser;"))
    }

    @Test func allowListWithAnUnknownIdIsAnErrorWithASuggestion() throws {
        #expect(
            try error("[probes]\napis = [\n  \"inntekt\",\n  \"restanse\",\n]\n")
                == .unknownReference(
                    file: "varselvakt.toml", line: 9, key: "probes.apis", value: "restanse", suggestion: "restanser"))
        let unprobed = try #require(try error("[probes]\napis = [\"folkeregisteret\"]\n"))
        #expect(unprobed.key == "probes.apis[0]" && unprobed.line == 7)
        #expect(unprobed.description.contains("\"folkeregisteret\" is not probed by the catalog"))
        #expect(try error("[probes]\napis = [\"inntekt\", \"inntekt\"]\n")?.key == "probes.apis[1]")
    }

    @Test func badProbesValuesNameFileLineAndKey() throws {
        let unknown = try error("[probes]\nenabled = true\nenviroment = \"both\"\n")
        guard case .unknownKey(let file, let line, let key, let suggestion, _) = unknown else {
            Issue.record("expected unknownKey, got \(String(describing: unknown))")
            return
        }
        #expect(file == "varselvakt.toml" && line == 8 && key == "probes.enviroment" && suggestion == "environment")
        #expect(
            try error("[probes]\nenvironment = \"staging\"\n")
                == .invalidValue(
                    file: "varselvakt.toml", line: 7, key: "probes.environment",
                    problem: "\"staging\" is not one of \"production\", \"test\", \"both\""))
        #expect(try error("[probes]\nreference_url = \"http://www.skatteetaten.no/\"\n")?.key == "probes.reference_url")
        #expect(try error("[probes]\nretention = \"10m\"\n")?.key == "probes.retention")
        #expect(try error("[probes]\nconcurrency = 0\n")?.key == "probes.concurrency")
        #expect(try error("[probes]\nconcurrency = 1025\n")?.key == "probes.concurrency")
    }

    @Test func demoConfigProbesNothing() throws {
        let config = repositoryRoot().appendingPathComponent("config/demo.toml").path
        let loaded = try ConfigLoader.load(path: config, environment: [:])
        #expect(!loaded.probes.enabled)
        #expect(loaded.probeTargets.isEmpty)
        // The catalog still carries the probe settings, checked at load.
        #expect(loaded.catalog.api("summertskattegrunnlag")?.probe != nil)
        #expect(loaded.summary().contains("Probes: disabled (no API is probed)"))
    }
}
