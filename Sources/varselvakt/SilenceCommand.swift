import ArgumentParser
import Foundation
import History
import NoticeStore
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt silence`: tell varselvakt not to alert about an API's outages for a while
/// (planned work Skatteetaten did not announce, a known problem). Incidents are still recorded.
struct SilenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silence", abstract: "Add, list or remove silences of probe alerts for an API.",
        subcommands: [Add.self, List.self, Remove.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Silence an API's probe alerts from now (or --from) for a while.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The API (catalog id or name).") var api: String
        @Option(name: .long, help: "How long: 30m, 2h, 1d.") var duration: String
        @Option(name: .long, help: "Start time (default now): 2026-11-23T18:00:00+01:00.") var from: String?
        @Option(name: .long, help: "Why, for the record.") var reason: String

        func run() async throws {
            let config = try options.load()
            let id = try resolveAPI(api, config.catalog)
            let now = Date()
            let start =
                try from.map { text in
                    guard let date = DateArgument.parse(text, now: now) else {
                        throw ValidationError("--from: cannot read \"\(text)\"")
                    }
                    return date
                } ?? now
            guard let length = DateArgument.parseDuration(duration), length > 0 else {
                throw ValidationError("--duration: \"\(duration)\" is not a duration such as 30m, 2h or 1d")
            }
            let actions = OperatorActions(store: try makeStore(config))
            let silence = try await actions.addSilence(
                api: id, start: start, end: start.addingTimeInterval(length), reason: reason, by: cliUser(), now: now)
            print("silence \(silence.id): \(id) from \(OutputDate.short(silence.start)) to \(OutputDate.short(silence.end))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List silences that have not ended.")
        @OptionGroup var options: GlobalOptions
        @Flag(name: .long, help: "Include silences that have ended (removed ones are never listed).") var all = false

        func run() async throws {
            let config = try options.load()
            let silences = try await openHistory(config).silences(activeAt: all ? nil : Date())
            var table = TextTable(["ID", "API", "FROM", "TO", "REASON"], maxWidths: [6, 28, 16, 16, 60])
            for s in silences {
                table.add(["\(s.id)", s.api, OutputDate.short(s.start), OutputDate.short(s.end), s.reason])
            }
            print(table.render())
            print("\(silences.count) silences")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a silence now.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The silence id (see `silence list`).") var id: Int64

        func run() async throws {
            let config = try options.load()
            let actions = OperatorActions(store: try makeStore(config))
            do { try await actions.expireSilence(id: id, by: cliUser()) } catch .noActiveSilence {
                printError("no active silence with id \(id)")
                throw ExitCode(1)
            }
            print("silence \(id) removed")
        }
    }
}
