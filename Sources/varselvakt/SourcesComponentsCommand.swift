import History
import ArgumentParser
import Foundation
import Logging
import VarselApp

/// `varselvakt sources components NAME`: the components of a configured status page, fetched
/// now, each with the catalog entry it maps to, so KS can complete `status_components`.
struct SourcesComponentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "List a status page's components (code, name, status) and the catalog entry each maps to.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The source's name in [[feeds]].") var name: String
    @Flag(name: .long, help: "Print a JSON array (snake_case keys).") var json = false

    func run() async throws {
        let config = try options.load()
        let logger = bootstrapLogging(level: .warning)
        let runtime = try makeRuntime(config, logger: logger)
        let base: String
        let rows: [SourceComponentRow]
        do {
            (base, rows) = try await runtime.components(of: name)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        if json {
            let objects: [[String: Any]] = rows.map { row in
                [
                    "code": row.code, "name": row.name, "status": row.status, "group": row.group as Any,
                    "is_group": row.isGroup, "api": row.api as Any,
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("\(name): \(rows.count) components at \(base)")
        var table = TextTable(["CODE", "NAME", "STATUS", "CATALOG"])
        for row in rows {
            table.add([
                row.code, (row.group.map { "\($0) / " } ?? "") + row.name, row.status,
                row.isGroup ? "(group)" : (row.api ?? "-"),
            ])
        }
        print(table.render())
        let unmapped = rows.filter { $0.api == nil && !$0.isGroup }
        if !unmapped.isEmpty {
            print("\n\(unmapped.count) not in the catalog; to map one, add its code to that API's status_components:")
            for row in unmapped.prefix(3) { print("  status_components = [\"\(row.code)\"]   # \(row.name)") }
        }
    }
}
