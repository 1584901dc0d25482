import ArgumentParser
import Foundation
import History
import NoticeStore
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt incidents`: outages varselvakt's probes saw, and the notices tied to them.
struct IncidentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents", abstract: "List probe incidents, newest first: start, end, duration, cause, linked notices.")

    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Print a JSON array (snake_case keys).") var json = false
    @Flag(name: .long, help: "Only incidents still open.") var open = false
    @Option(name: .long, help: "Only incidents of this API (catalog id or name).") var api: String?
    @Option(name: .long, help: "Only incidents open at or after this time: 2024-01-22, or 7d / 24h ago.") var since: String?
    @Option(name: .long, help: "At most this many.") var limit: Int?

    @Option(name: .long, help: "Only incidents opened before this time.") var to: String?
    @Option(name: .long, help: "Start after this cursor (printed on standard error when --limit cut the list).")
    var before: String?

    func run() async throws {
        let config = try options.load()
        let query = IncidentQuery(
            openOnly: open, api: try api.map { try resolveAPI($0, config.catalog) }, from: try dateOption(since, "--since"),
            to: try dateOption(to, "--to"))
        let history = try openHistory(config)
        let (incidents, next) = try await collectPages(limit: limit, before: before) { before, size in
            var page = query
            page.before = before
            page.limit = size
            return try await history.incidents(page)
        }
        defer { printMore(next) }
        if json {
            print(try OutputJSON.encode(incidents.map(IncidentJSON.init)))
            return
        }
        var table = TextTable(
            ["OPENED", "RESOLVED", "DURATION", "API", "ENV", "CAUSE", "ALERTED", "LINKED NOTICES"],
            maxWidths: [16, 16, 9, 28, 10, 17, 20, 60])
        for i in incidents {
            table.add([
                OutputDate.short(i.openedAt), i.resolvedAt.map(OutputDate.short) ?? "open", i.duration.map(Self.duration) ?? "-",
                i.api, i.environment.rawValue, i.cause.rawValue,
                i.alerted ? "yes" : (IncidentJSON.expectation(i.expectation).map { "no (\($0))" } ?? "no"),
                i.linkedNotices.isEmpty ? "-" : i.linkedNotices.map(\.rawValue).joined(separator: ", "),
            ])
        }
        print(table.render())
        print("\(incidents.count) incidents (\(incidents.filter { $0.resolvedAt == nil }.count) open)")
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        return minutes < 60 ? "\(minutes)m" : "\(minutes / 60)h\(String(format: "%02d", minutes % 60))m"
    }
}
