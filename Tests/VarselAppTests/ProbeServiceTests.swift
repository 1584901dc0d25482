import Curl
import Foundation
import Logging
import NoticeStore
import Probes
import ServiceLifecycle
import Testing
import TestSupport
import VarselApp
import VarselConfig
import VarselModel

/// The daemon side of probing: the service's own schedule, and a real certificate about to
/// expire turned into one alert.
@Suite struct ProbeServiceTests {
    @Test func serviceProbesOnItsIntervalUntilAnIncidentOpens() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let sandbox = try Sandbox(subscribers: ProbeCycleTests.subscribers(server.url("/hook?id=bergen")))
        defer { sandbox.remove() }
        var settings = ProbeCycleTests.target(server.url("/status?code=502")).settings
        settings.interval = .seconds(1)
        let url = server.url("/status?code=502")
        let cycle = ProbeCycle(
            store: sandbox.runtime.store, runner: sandbox.runtime.probes.runner,
            targets: [ProbeTarget(api: "inntekt", environment: .production, url: url, settings: settings)],
            catalog: sandbox.config.catalog, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let service = ProbeService(cycle: cycle, logger: Logger(label: "test"))
        let task = Task { try await service.run() }
        // The wait ends at the fact (an incident); the deadline only bounds a failure. Alone this
        // takes about a second; in the full suite on two cores the service's rounds queue behind
        // CPU-bound tests, and 20 s was seen to run out.
        let deadline = Date().addingTimeInterval(90)
        var incidents: [IncidentRecord] = []
        while incidents.isEmpty && Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
            incidents = try await sandbox.runtime.store.incidents()
        }
        task.cancel()
        _ = try? await task.value
        // failure_threshold 2 at a 1 s interval: the second round opens it.
        #expect(incidents.first?.cause == .serverError)
        #expect(incidents.first.map { $0.openedAt.timeIntervalSince($0.firstFailureAt) >= 0.9 } == true)
    }

    @Test(.enabled(if: TestCertificateAuthority.isAvailable))
    func certificateAboutToExpireIsAlertedOnce() async throws {
        let ca = try TestCertificateAuthority()
        defer { ca.remove() }
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let files = try ca.issue(name: "api", notBefore: now.addingTimeInterval(-86_400), notAfter: now.addingTimeInterval(5 * 86_400))
        let tls = try LocalHTTPServer(tls: files)
        let hooks = try LocalHTTPServer()
        let client = CurlClient()
        defer {
            client.shutdown()
            tls.stop()
            hooks.stop()
        }
        let sandbox = try Sandbox(subscribers: ProbeCycleTests.subscribers(hooks.url("/hook?id=bergen")))
        defer { sandbox.remove() }
        let cycle = ProbeCycle(
            store: sandbox.runtime.store,
            runner: ProbeRunner(client: client, userAgent: "test", referenceURL: nil, caFile: ca.caFile),
            targets: [ProbeCycleTests.target(tls.url("/status?code=401"))], catalog: sandbox.config.catalog,
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, route: sandbox.runtime.alerting.route)
        let first = try await cycle.round(now: now)
        #expect(first.round.results.first?.up == true)
        #expect(first.changes.count == 1)
        let second = try await cycle.round(now: now.addingTimeInterval(60))
        #expect(second.changes.isEmpty, "the same certificate must be warned about once")
        let notice = try await sandbox.runtime.store.notice(try #require(first.changes.first).noticeID.rawValue)
        #expect(notice.notice.entry.title.contains("utløper om 4 dager") || notice.notice.entry.title.contains("utløper om 5 dager"))
        #expect(try await sandbox.runtime.store.deliveries().count == 1)
        #expect(try await sandbox.runtime.store.incidents().isEmpty)
    }
}
