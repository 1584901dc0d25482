import ArgumentParser

/// `varselvakt web ...`: makes the credentials `[web]` stores (a group; one command per file).
struct WebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web", abstract: "Make password hashes and API tokens for [web].",
        subcommands: [WebHashPasswordCommand.self, WebNewTokenCommand.self])
}
