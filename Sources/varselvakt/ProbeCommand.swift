import History
import ArgumentParser
import Foundation
import Logging
import Probes
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt probe --once`: one round over every configured probe target, recorded as the
/// daemon would (incidents open and resolve at their thresholds), one line per target.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe", abstract: "Probe every configured API once, record the round, print each API's state.")

    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Probe once and exit (the only mode; the daemon is `run`).") var once = false
    @Flag(name: .long, help: "Print a JSON array (snake_case keys).") var json = false

    func run() async throws {
        let config = try options.load()
        let logger = bootstrapLogging(level: .warning)
        guard !config.probeTargets.isEmpty else {
            printError("no probe targets: [probes] is disabled or no catalog API has a URL (see check-config)")
            throw ExitCode(1)
        }
        let runtime = try makeRuntime(config, logger: logger)
        let report = try await runtime.probes.round()
        if json {
            print(try OutputJSON.encode(report.round.results.map(ProbeResultJSON.init)))
            return
        }
        var table = TextTable(["API", "ENV", "STATE", "STATUS", "LATENCY", "DETAIL"], maxWidths: [34, 10, 5, 6, 8, 70])
        for r in report.round.results {
            table.add([
                r.api, r.environment.rawValue, r.up ? "up" : "DOWN", r.status.map(String.init) ?? "-",
                String(format: "%.0f ms", r.timings.total * 1000), r.detail ?? "",
            ])
        }
        print(table.render())
        let down = report.round.results.filter { !$0.up }.count
        print(
            "\(report.round.results.count) probed, \(down) down, round took \(String(format: "%.2f", report.round.duration)) s"
                + (report.round.conclusive ? "" : " (inconclusive: the reference target failed, incidents not updated)"))
        for event in report.events { print(ProbeCycle.describe(event)) }
    }
}
