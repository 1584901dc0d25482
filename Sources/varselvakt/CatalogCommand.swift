import History
import ArgumentParser
import NoticeStore
import VarselApp
import VarselConfig

/// `varselvakt catalog`: the catalog in force (a file, or the one built into the binary) and the
/// API-like names in stored notices that it does not know yet.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "List the API catalog in force, or the API names it does not know.",
        subcommands: [List.self, Unknown.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the catalog's APIs and platforms (ids, names, aliases, categories), families and services.")

        @OptionGroup var options: GlobalOptions
        @Flag(name: .long, help: "Print a JSON object (snake_case keys).") var json = false

        func run() async throws {
            let config = try options.load()
            if json {
                print(try OutputJSON.encode(CatalogJSON(config.catalog, source: config.catalogSource)))
            } else {
                print(CatalogText.render(config.catalog, source: config.catalogSource))
            }
        }
    }

    struct Unknown: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unknown",
            abstract: "List API-like names in stored notices that the catalog does not know, with the notices that used them.")

        @OptionGroup var options: GlobalOptions
        @Flag(name: .long, help: "Print a JSON array (snake_case keys).") var json = false

        func run() async throws {
            let config = try options.load()
            let names = try await openStoreForReading(config).unrecognisedAPIs()
            if json {
                print(try OutputJSON.encode(names.map(UnrecognisedAPIJSON.init)))
            } else {
                print(CatalogText.render(names))
            }
        }
    }
}
