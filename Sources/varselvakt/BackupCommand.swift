import ArgumentParser
import Foundation
import NoticeStore
import VarselConfig

/// `varselvakt backup PATH`: a consistent copy of the live store while the daemon runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to PATH while the daemon runs (SQLite online backup), checked before it is kept.",
        discussion: """
            The copy is consistent to one moment; the daemon keeps polling and sending meanwhile. PATH must \
            not exist (a backup is never overwritten). Restore: stop the daemon, replace the store file with \
            the copy (and remove the old file's -wal and -shm), start it again. See docs/operations.md.
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "Where to write the copy, e.g. /var/backups/varselvakt/state-2026-12-08.sqlite.") var path: String

    func run() async throws {
        let config = try options.load()
        let store = try openStoreForReading(config)
        do {
            let report = try await store.backup(to: path)
            print(
                "backed up \(config.store.path) to \(report.path): \(report.bytes) bytes, \(report.notices) notices, "
                    + "\(report.deliveries) deliveries, schema \(report.schema), integrity ok")
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
