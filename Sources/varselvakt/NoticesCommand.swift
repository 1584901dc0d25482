import ArgumentParser
import Foundation
import History
import NoticeStore
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt notices`: stored notices, newest first (the notices page, as text or JSON).
struct NoticesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notices", abstract: "List stored notices, newest first.")

    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Print a JSON array (snake_case keys).") var json = false
    @Option(name: .long, help: "Only notices with this status (active, withdrawn, expired).") var status: String?
    @Option(name: .long, help: "Only notices about this API (catalog id or name).") var api: String?
    @Option(name: .long, help: "Only notices from this feed.") var feed: String?
    @Option(name: .long, help: "Only notices of this kind (incident, resolved, maintenance, change, news, cancelled).")
    var kind: String?
    @Option(name: .long, help: "Only notices concerning this environment (production, test; both matches either).")
    var environment: String?
    @Option(name: .long, help: "Only notices whose title or text has every word (prefix: word*, phrase: \"a b\").")
    var text: String?
    @Option(name: .long, help: "Only notices published (or first seen) at or after this time: 2024-01-22, or 7d / 24h ago.")
    var from: String?
    @Option(name: .long, help: "Only notices published (or first seen) before this time.") var to: String?
    @Option(name: .long, help: "Start after this cursor (printed on standard error when --limit cut the list).")
    var before: String?
    @Option(name: .long, help: "At most this many.") var limit: Int?

    func run() async throws {
        let config = try options.load()
        var query = NoticeQuery(
            api: try api.map { try resolveAPI($0, config.catalog) }, feed: feed.map { FeedID($0) },
            from: try dateOption(from, "--from"),
            to: try dateOption(to, "--to"), text: text)
        if let status {
            guard let parsed = NoticeStatus(rawValue: status) else {
                throw ValidationError("--status must be active, withdrawn or expired, not \(status)")
            }
            query.status = parsed
        }
        if let kind {
            guard let parsed = NoticeKind(rawValue: kind) else {
                throw ValidationError(
                    "--kind: \"\(kind)\" is not one of " + NoticeKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            query.kind = parsed
        }
        if let environment {
            guard let parsed = NoticeEnvironment(rawValue: environment) else {
                throw ValidationError("--environment: \"\(environment)\" is not one of production, test, both")
            }
            query.environment = parsed
        }
        let history = try openHistory(config)
        let (notices, next) = try await collectPages(limit: limit, before: before) { before, size in
            query.before = before
            query.limit = size
            return try await history.notices(query)
        }
        defer { printMore(next) }
        if json {
            print(try OutputJSON.encode(notices.map(NoticeJSON.init)))
            return
        }
        var table = TextTable(["PUBLISHED", "KIND", "STATUS", "APIS", "TITLE"], maxWidths: [16, 11, 9, 36, 80])
        for n in notices {
            table.add([
                (n.entry.published ?? n.entry.updated).map(OutputDate.short) ?? "-", n.classification.kind.rawValue,
                n.status.rawValue,
                n.classification.apis.isEmpty
                    ? "(\(n.classification.scope.rawValue))" : n.classification.apis.joined(separator: ","),
                n.entry.title,
            ])
        }
        print(table.render())
        print("\(notices.count) notices")
    }
}

/// Accepts a catalog id or an API's display name/alias; names the choices when neither fits.
func resolveAPI(_ value: String, _ catalog: Catalog) throws -> String {
    let folded = value.lowercased()
    if let api = catalog.apis.first(where: {
        $0.id == folded || $0.name.lowercased() == folded || $0.aliases.contains { $0.lowercased() == folded }
    }) {
        return api.id
    }
    if catalog.apis.isEmpty { return folded }
    throw ValidationError("no API \"\(value)\" in the catalog; known ids: \(catalog.apis.map(\.id).joined(separator: ", "))")
}
