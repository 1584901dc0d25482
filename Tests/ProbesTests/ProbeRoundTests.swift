import Curl
import Foundation
import Probes
import TestSupport
import Testing
import VarselModel

@Suite("ProbeRunner rounds")
struct ProbeRoundTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func roundOfFiftyWithSlowOnesReturnsEveryResultForItsOwnTarget() async throws {
        try await withRunner(connections: 64) { server, runner, _ in
            let targets = (0..<50).map { index in
                let path = index % 5 == 0 ? "/slow?ms=500&n=\(index)" : "/status?code=\(index % 2 == 0 ? 200 : 401)&n=\(index)"
                return target(server.url(path), api: "api-\(index)")
            }
            let round = await runner.round(targets, now: now)
            #expect(round.results.count == 50)
            #expect(round.results.map(\.url) == targets.map(\.url))
            #expect(round.results.map(\.api) == targets.map(\.api))
            #expect(round.results.allSatisfy { $0.up && $0.at == now })
            #expect(round.results.filter { $0.url.contains("/slow") }.count == 10)
            #expect(round.reference == nil)
            #expect(round.conclusive)
            #expect(round.startedAt == now)
            #expect(round.duration > 0)
        }
    }

    @Test func downReferenceMakesTheRoundInconclusive() async throws {
        let offline = try closedPortURL()
        try await withRunner(referenceURL: offline) { server, runner, _ in
            let round = await runner.round(
                [target(server.url("/status?code=500")), target(server.url("/status?code=200"))], now: now)
            #expect(!round.conclusive)
            let reference = try #require(round.reference)
            #expect(!reference.up)
            #expect(reference.api == ProbeRunner.referenceAPI)
            #expect(reference.url == offline)
            #expect(round.results.map(\.up) == [false, true])  // still reported, just not conclusive
        }
    }

    @Test func upReferenceKeepsTheRoundConclusive() async throws {
        let server = try LocalHTTPServer()
        let client = CurlClient()
        defer {
            client.shutdown()
            server.stop()
        }
        let runner = ProbeRunner(client: client, userAgent: "t", referenceURL: server.url("/status?code=204"))
        let round = await runner.round([target(server.url("/status?code=503"))], now: now)
        #expect(round.conclusive)
        #expect(round.reference?.up == true)
        #expect(round.results.first?.cause == .serverError)
    }

    @Test func emptyRoundIsConclusiveAndEmpty() async throws {
        try await withRunner { _, runner, _ in
            let round = await runner.round([], now: now)
            #expect(round.results.isEmpty)
            #expect(round.conclusive)
        }
    }

    @Test func cancelledRoundIsInconclusiveAndSaysSo() async throws {
        try await withRunner { server, runner, _ in
            let targets = [target(server.url("/slow?ms=5000")), target(server.url("/slow?ms=5000&b=1"))]
            let task = Task { await runner.round(targets, now: now) }
            try await Task.sleep(for: .milliseconds(100))
            task.cancel()
            let round = await task.value
            #expect(!round.conclusive)
            #expect(round.results.count == 2)
            #expect(round.results.allSatisfy { !$0.up && $0.detail == "probe cancelled before it completed" })
        }
    }

    @Test func roundOnAShutDownClientIsInconclusive() async throws {
        try await withRunner { server, _, _ in
            let client = CurlClient()
            client.shutdown()
            let runner = ProbeRunner(client: client, userAgent: "t", referenceURL: nil)
            let round = await runner.round([target(server.url("/status?code=200"))], now: now)
            #expect(!round.conclusive)
            #expect(round.results.count == 1)
        }
    }
}
