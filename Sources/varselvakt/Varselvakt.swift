import ArgumentParser
import VarselModel

/// `varselvakt`: the daemon and its operator's tools in one binary. Commands stay thin; the
/// work happens in VarselApp so it can be tested without a process.
@main
struct Varselvakt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watches Skatteetaten's driftsvarsel feeds and keeps the history of every notice.",
        version: VarselvaktVersion.string,
        subcommands: [
            RunCommand.self, PollCommand.self, CheckConfigCommand.self, NoticesCommand.self, NoticeCommand.self,
            HistoryCommand.self, DeliveriesCommand.self, SubscribersCommand.self, ProbeCommand.self, IncidentsCommand.self, SilenceCommand.self,
            BenchCommand.self, SourcesCommand.self, CatalogCommand.self, WebCommand.self, BackupCommand.self, PruneCommand.self,
        ])
}
