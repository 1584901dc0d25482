import ArgumentParser
import Logging
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt poll --once`: fetch every feed once, store what is new, print one line per feed.
/// Exits 1 if any feed could not be fetched or parsed (the others are still stored).
struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "poll", abstract: "Poll every configured feed once and exit.")

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Poll once and exit (the only mode; the daemon is `run`).")
    var once = false

    func run() async throws {
        let config = try options.load()
        let logger = bootstrapLogging(level: .warning)
        let runtime = try makeRuntime(config, logger: logger)
        let reports = try await runtime.pollAll()
        for report in reports { print(report.line) }
        if reports.contains(where: { $0.outcome == .failed }) { throw ExitCode(1) }
    }
}
