import Curl
import Foundation
import Probes
import TestSupport
import Testing
import VarselModel

@Suite("ProbeRunner against a real HTTP server")
struct ProbeRunnerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: [200, 401, 403, 404, 302])
    func gatewayAnswersWithoutTokenCountAsUp(_ code: Int) async throws {
        try await withRunner { server, runner, _ in
            let result = await runner.probe(target(server.url("/status?code=\(code)"), api: "inntekt"), now: now)
            #expect(result.up)
            #expect(result.status == code)
            #expect(result.cause == nil)
            #expect(result.detail == "HTTP \(code)")
            #expect(result.api == "inntekt")
            #expect(result.environment == .test)
            #expect(result.at == now)
            #expect(result.certificateExpiresAt == nil)  // plain http
        }
    }

    @Test func serverErrorIsDown() async throws {
        try await withRunner { server, runner, _ in
            let result = await runner.probe(target(server.url("/status?code=503")), now: now)
            #expect(!result.up)
            #expect(result.status == 503)
            #expect(result.cause == .serverError)
            #expect(result.detail == "HTTP 503")
        }
    }

    @Test func statusOutsideTheExpectedOnesIsUnexpected() async throws {
        try await withRunner { server, runner, _ in
            let result = await runner.probe(target(server.url("/status?code=429")), now: now)
            #expect(!result.up)
            #expect(result.cause == .unexpectedStatus)
            #expect(result.detail == "HTTP 429, expected 200-399, 401, 403, 404")
        }
    }

    @Test func redirectIsJudgedByItsStatusNotFollowed() async throws {
        try await withRunner { server, runner, _ in
            // The redirect target answers 500: following it would make the probe down.
            let redirect = server.url("/redirect?to=/status%3Fcode%3D500")
            #expect(await runner.probe(target(redirect), now: now).up)
            var strict = target(redirect)
            strict.settings.expectedStatuses = [200]
            let result = await runner.probe(strict, now: now)
            #expect(result.status == 302)
            #expect(result.cause == .unexpectedStatus)
        }
    }

    @Test func slowServerPastTheTimeoutIsDownWithTimeout() async throws {
        try await withRunner { server, runner, _ in
            let result = await runner.probe(target(server.url("/slow?ms=3000"), timeout: .seconds(1)), now: now)
            #expect(!result.up)
            #expect(result.status == nil)
            #expect(result.cause == .timeout)
            let detail = try #require(result.detail)
            #expect(detail.hasPrefix("timeout after 1s waiting for the response: "))
            #expect(result.timings.connect > 0)
        }
    }

    @Test func closedPortIsConnectionRefused() async throws {
        let url = try closedPortURL()
        try await withRunner { _, runner, _ in
            let result = await runner.probe(target(url), now: now)
            #expect(!result.up)
            #expect(result.cause == .connectionRefused)
            #expect(result.detail?.hasPrefix("connection refused: ") == true)
        }
    }

    @Test func largeBodyIsNotDownloadedAndTheProbeIsUp() async throws {
        try await withRunner { server, runner, _ in
            // 50 MB, close-delimited: only the cap ends it before the timeout.
            let url = server.url("/bytes?n=50000000&chunked=1")
            let result = await runner.probe(target(url, timeout: .seconds(5)), now: now)
            #expect(result.up)
            #expect(result.status == 200)
        }
    }

    @Test func headMethodAndUserAgentReachTheServer() async throws {
        try await withRunner { server, runner, client in
            let result = await runner.probe(target(server.url("/hook?id=probe&seq=401"), method: "HEAD"), now: now)
            #expect(result.up)
            #expect(result.status == 401)
            struct Recorded: Decodable { var method: String; var headers: [[String]] }
            let log = try await client.perform(CurlRequest(url: server.url("/hooklog?id=probe")))
            let recorded = try JSONDecoder().decode([Recorded].self, from: Data(log.body))
            #expect(recorded.map(\.method) == ["HEAD"])
            let agent = recorded.first?.headers.first { $0.first?.lowercased() == "user-agent" }?.last
            #expect(agent == "varselvakt-probe-test")
            #expect(recorded.first?.headers.contains { $0.first?.lowercased() == "authorization" } == false)
        }
    }

    @Test func timingsAreOrderedPhasesFromTheStart() async throws {
        try await withRunner { server, runner, _ in
            let result = await runner.probe(target(server.url("/slow?ms=30")), now: now)
            let t = result.timings
            #expect(result.up)
            #expect(t.total > 0)
            #expect(t.dns <= t.connect)
            #expect(t.connect > 0)
            #expect(t.connect <= t.tls)
            #expect(t.tls <= t.firstByte)
            #expect(t.firstByte <= t.total)
            #expect(t.firstByte >= 0.03)
        }
    }
}
