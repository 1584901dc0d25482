import Foundation
import Logging
import Prometheus
import Testing
import TestSupport
import VarselApp
import VarselConfig
import VarselModel

/// Metrics of probe rounds, in the Prometheus text format a textfile collector reads.
@Suite struct TelemetryTests {
    @Test func probeRoundsRecordUpLatencyAndOpenedIncidents() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let sandbox = try Sandbox(subscribers: ProbeCycleTests.subscribers(server.url("/hook?id=bergen")))
        defer { sandbox.remove() }
        let registry = PrometheusCollectorRegistry()
        let cycle = ProbeCycle(
            store: sandbox.runtime.store, runner: sandbox.runtime.probes.runner,
            targets: [ProbeCycleTests.target(server.url("/status?code=503"))], catalog: sandbox.config.catalog,
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            telemetry: Telemetry(factory: PrometheusMetricsFactory(registry: registry)))
        let now = Date()
        _ = try await cycle.round(now: now)
        _ = try await cycle.round(now: now.addingTimeInterval(60))
        let text = registry.emitToString()
        #expect(text.contains(#"varselvakt_probe_up{api="inntekt",environment="production"} 0"#))
        #expect(text.contains(#"varselvakt_incidents_opened_total{api="inntekt",environment="production"} 1"#))
        #expect(text.contains(#"varselvakt_probe_duration_seconds_count{api="inntekt",environment="production"} 2"#))

        let file = sandbox.directory.appendingPathComponent("varselvakt.prom").path
        MetricsFileService(registry: registry, path: file, interval: .seconds(15), logger: Logger(label: "test")).write()
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
        #expect(!FileManager.default.fileExists(atPath: file + ".tmp"))
    }

    @Test func metricsSectionResolvesTheTextfileAndRejectsOtherNames() throws {
        let base = "[store]\npath = \"db.sqlite\"\n[[feeds]]\nurl = \"https://a.example/feed.xml\"\n"
        let config = try ConfigLoader.load(
            text: base + "[metrics]\ntextfile = \"metrics/varselvakt.prom\"\ninterval = \"30s\"\n", file: "v.toml",
            baseDirectory: "/etc/varselvakt")
        #expect(config.metrics.textfile == "/etc/varselvakt/metrics/varselvakt.prom" && config.metrics.interval == .seconds(30))
        #expect(throws: ConfigError.self) {
            try ConfigLoader.load(text: base + "[metrics]\ntextfile = \"varselvakt.txt\"\n", file: "v.toml", baseDirectory: "/tmp")
        }
        #expect(try ConfigLoader.load(text: base, file: "v.toml", baseDirectory: "/tmp").metrics.textfile == nil)
    }
}
