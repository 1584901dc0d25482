import ArgumentParser
import Foundation
import History
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt subscribers`: who is subscribed to what, and the CSV import from a spreadsheet.
struct SubscribersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribers", abstract: "List subscribers, or import them from a CSV spreadsheet export.",
        subcommands: [List.self, Import.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the subscribers the configuration names (secrets are never shown).")

        @OptionGroup var options: GlobalOptions
        @Flag(name: .long, help: "Print a JSON array (snake_case keys).") var json = false

        func run() async throws {
            let config = try options.load()
            if json {
                // With a store, each subscriber carries its newest delivery; before the first poll, none.
                if FileManager.default.fileExists(atPath: config.store.path) {
                    let summaries: [SubscriberSummary]
                    do { summaries = try await openHistory(config).subscribers() } catch {
                        printError("\(error)")
                        throw ExitCode(1)
                    }
                    print(try OutputJSON.encode(summaries.map(SubscriberJSON.init)))
                } else {
                    print(try OutputJSON.encode(config.subscribers.map(SubscriberJSON.init)))
                }
                return
            }
            var table = TextTable(
                ["ID", "KIND", "NAME", "ORG NO", "MUNI", "CHANNELS", "SUBSCRIBES TO"], maxWidths: [24, 12, 32, 9, 4, 13, 60])
            for s in config.subscribers {
                table.add([
                    s.id.rawValue, s.kind.rawValue, s.name, s.orgNumber, s.municipalityNumber ?? "-",
                    s.channels.map(\.rawValue).joined(separator: "+"),
                    SubscriberJSON.describe(s.subscription, actsFor: s.actsFor),
                ])
            }
            print(table.render())
            print("\(config.subscribers.count) subscribers" + (config.subscribersPath.map { " from \($0)" } ?? ""))
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Convert a CSV export (';' or ',' separated, with a header row) to subscribers.toml.",
            discussion: """
                Every bad row is reported as FILE:LINE: PROBLEM on standard error and left out; the good \
                rows are written. Exits 1 if any row was bad, so a script notices.
                """)

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The CSV file.") var file: String
        @Option(name: .shortAndLong, help: "Write the TOML here instead of standard output.") var output: String?

        func run() async throws {
            let config = try options.load()
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                printError("\(file): cannot read it as UTF-8 text: \(error.localizedDescription)")
                throw ExitCode(1)
            }
            let result = SubscriberCSV.convert(text: text, file: file, catalog: config.catalog)
            for problem in result.problems { printError("\(problem)") }
            if let output {
                do { try result.toml.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                    printError("\(output): cannot write: \(error.localizedDescription)")
                    throw ExitCode(1)
                }
                printError("wrote \(result.imported) subscribers to \(output)")
            } else {
                print(result.toml, terminator: "")
            }
            if !result.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
