import Curl
import Foundation
import Probes
import TestSupport
import Testing
import VarselModel

@Suite("ProbeRunner over https with a test CA", .enabled(if: TestCertificateAuthority.isAvailable))
struct ProbeRunnerTLSTests {
    let now = Date()

    /// Runs `body` with an https server whose certificate is valid from `notBefore` to `notAfter`,
    /// and a runner that trusts the test CA (or the system store only, when `trustCA` is false).
    func withTLSRunner(
        notBefore: Date, notAfter: Date, trustCA: Bool = true, _ body: (LocalHTTPServer, ProbeRunner) async throws -> Void
    ) async throws {
        let ca = try TestCertificateAuthority()
        defer { ca.remove() }
        let files = try ca.issue(name: "server", notBefore: notBefore, notAfter: notAfter)
        let server = try LocalHTTPServer(tls: files)
        let client = CurlClient()
        defer {
            client.shutdown()
            server.stop()
        }
        let runner = ProbeRunner(
            client: client, userAgent: "varselvakt-probe-test", referenceURL: nil, caFile: trustCA ? ca.caFile : nil)
        try await body(server, runner)
    }

    @Test func expiredCertificateIsDownWithTLS() async throws {
        let start = now.addingTimeInterval(-30 * 86_400)
        try await withTLSRunner(notBefore: start, notAfter: now.addingTimeInterval(-86_400)) { server, runner in
            let result = await runner.probe(target(server.url("/status?code=401")), now: now)
            #expect(!result.up)
            #expect(result.status == nil)
            #expect(result.cause == .tls)
            let detail = try #require(result.detail)
            #expect(detail.hasPrefix("TLS: "))
            #expect(detail.contains("expired"))
        }
    }

    @Test func untrustedCertificateIsDownWithTLS() async throws {
        let validity = (now.addingTimeInterval(-3600), now.addingTimeInterval(30 * 86_400))
        try await withTLSRunner(notBefore: validity.0, notAfter: validity.1, trustCA: false) { server, runner in
            let result = await runner.probe(target(server.url("/status?code=200")), now: now)
            #expect(!result.up)
            #expect(result.cause == .tls)
        }
    }

    @Test func soonExpiringCertificateIsUpAndItsExpiryIsRecorded() async throws {
        let notAfter = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + 3 * 86_400).rounded(.down))
        try await withTLSRunner(notBefore: now.addingTimeInterval(-3600), notAfter: notAfter) { server, runner in
            let result = await runner.probe(target(server.url("/status?code=403")), now: now)
            #expect(result.up)
            #expect(result.status == 403)
            #expect(result.certificateExpiresAt == notAfter)
            let t = result.timings
            #expect(t.dns <= t.connect)
            #expect(t.connect < t.tls)  // a real handshake took place
            #expect(t.tls <= t.firstByte)
            #expect(t.firstByte <= t.total)
        }
    }

    @Test func everyProbeMakesItsOwnHandshakeSoTheCertificateIsAlwaysSeen() async throws {
        let notAfter = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + 40 * 86_400).rounded(.down))
        try await withTLSRunner(notBefore: now.addingTimeInterval(-3600), notAfter: notAfter) { server, runner in
            for _ in 0..<3 {
                let result = await runner.probe(target(server.url("/status?code=404")), now: now)
                #expect(result.certificateExpiresAt == notAfter)
                #expect(result.timings.tls > 0)
            }
        }
    }
}
