import ArgumentParser
import Foundation
import History
import NoticeStore
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt history`: what changed, newest first.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List recorded changes, newest first.")

    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Print a JSON array (snake_case keys).") var json = false
    @Option(
        name: .long, help: "Only changes at or after this time: 2024-01-22, 2024-01-22T15:30:00+01:00, or 7d / 24h / 30m ago.")
    var since: String?
    @Option(name: .long, help: "Only changes about this API (catalog id or name).") var api: String?
    @Option(name: .long, help: "Only changes of this notice.") var notice: String?
    @Flag(name: .long, help: "Only changes that alert subscribers (no baseline or expired).") var alerting = false
    @Option(name: .long, help: "At most this many.") var limit: Int?

    func run() async throws {
        let config = try options.load()
        var filter = ChangeFilter(api: try api.map { try resolveAPI($0, config.catalog) }, alertingOnly: alerting, limit: limit)
        if let since {
            guard let date = DateArgument.parse(since, now: Date()) else {
                throw ValidationError("--since: cannot read \"\(since)\" as a date (try 2024-01-22 or 7d)")
            }
            filter.since = date
        }
        let history = try openHistory(config)
        let changes: [ChangeRecord]
        do {
            if let notice { filter.notice = try await history.store.notice(notice).notice.id }
            changes = try await history.changes(filter)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        if json {
            print(try OutputJSON.encode(changes.map(ChangeJSON.init)))
            return
        }
        var table = TextTable(["AT", "CHANGE", "KIND", "APIS", "TITLE"], maxWidths: [16, 10, 11, 36, 80])
        for c in changes {
            table.add([
                OutputDate.short(c.at), c.change.rawValue, c.kind.rawValue,
                c.apis.isEmpty ? "(\(c.scope.rawValue))" : c.apis.joined(separator: ","), c.title,
            ])
        }
        print(table.render())
        print("\(changes.count) changes")
    }
}
