import ArgumentParser

/// `varselvakt sources ...`: questions about where notices come from, asked without a daemon.
/// A group, so each question is its own small command in its own file.
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "Find out how to read a status page or feed, and which components a page has.",
        subcommands: [SourcesDiscoverCommand.self, SourcesComponentsCommand.self])
}
