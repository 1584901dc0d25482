import Curl
import Foundation
import VarselModel

/// One probe round over a list of URLs on a client of its own, for `varselvakt bench probes`
/// and scripts/bench-probes.sh: how close a round's wall time stays to its slowest probe.
public enum ProbeBenchmark {
    public struct Report: Sendable, CustomStringConvertible {
        /// Wall time of the round, seconds.
        public var wall: Double
        /// Results received (always `urls.count`; checked by the caller).
        public var results: Int
        public var up: Int
        /// The slowest single probe's total time (curl's timer), seconds.
        public var slowest: Double
        /// Sum of all probes' total times: what a one-at-a-time loop would take.
        public var sum: Double

        public var description: String {
            let format = { (value: Double) in String(format: "%.3f", value) }
            return "probes=\(results) up=\(up) wall_s=\(format(wall)) slowest_s=\(format(slowest)) sum_s=\(format(sum))"
        }
    }

    /// Probes every URL once, all at once (default expectations, `timeout` each), with a client
    /// allowing one connection per URL. Every URL counts as its own target (api "bench-N").
    public static func run(urls: [String], timeout: Duration = .seconds(10)) async -> Report {
        let client = CurlClient(maxTotalConnections: urls.count + 1)
        defer { client.shutdown() }
        let runner = ProbeRunner(client: client, userAgent: "varselvakt-bench", referenceURL: nil)
        var settings = ProbeSettings()
        settings.timeout = timeout
        let targets = urls.enumerated().map { index, url in
            ProbeTarget(api: "bench-\(index)", environment: .production, url: url, settings: settings)
        }
        let round = await runner.round(targets)
        return Report(
            wall: round.duration, results: round.results.count, up: round.results.count(where: \.up),
            slowest: round.results.map(\.timings.total).max() ?? 0, sum: round.results.map(\.timings.total).reduce(0, +))
    }
}
