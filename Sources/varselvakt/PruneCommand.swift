import ArgumentParser
import Foundation
import NoticeStore
import VarselApp
import VarselConfig

/// `varselvakt prune`: what the daemon does hourly, now.
struct PruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete poll-log lines and probe results older than their retention (the daemon does it hourly).",
        discussion: """
            Retention: [store] poll_log_retention (default 90d) and [probes] retention (default 30d). Notices, \
            versions, changes, incidents and deliveries are never pruned.
            """)

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let config = try options.load()
        do {
            let store = try NoticeStore(path: config.store.path)
            print(try await PruneService.prune(store, config, now: Date()))
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
