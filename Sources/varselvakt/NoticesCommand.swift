import History
import ArgumentParser
import NoticeStore
import VarselApp
import VarselConfig
import VarselModel

/// `varselvakt notices`: every stored notice, newest first.
struct NoticesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notices", abstract: "List stored notices, newest first.")

    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Print a JSON array (snake_case keys).") var json = false
    @Option(name: .long, help: "Only notices with this status (active, withdrawn, expired).") var status: String?
    @Option(name: .long, help: "Only notices about this API (catalog id or name).") var api: String?
    @Option(name: .long, help: "Only notices from this feed.") var feed: String?
    @Option(name: .long, help: "At most this many.") var limit: Int?

    func run() async throws {
        let config = try options.load()
        var filter = NoticeFilter(
            feed: feed.map { FeedID($0) }, api: try api.map { try resolveAPI($0, config.catalog) }, limit: limit)
        if let status {
            guard let parsed = NoticeStatus(rawValue: status) else {
                throw ValidationError("--status must be active, withdrawn or expired, not \(status)")
            }
            filter.status = parsed
        }
        let notices = try await openStoreForReading(config).notices(filter)
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
