import ArgumentParser
import Foundation
import Logging
import NoticeStore
import VarselApp
import VarselConfig

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file.")
    var config: String = "/etc/varselvakt/varselvakt.toml"

    /// Loads and validates the configuration; on error prints it (file, line, key) and exits 2.
    func load() throws -> VarselvaktConfig {
        do {
            return try ConfigLoader.load(path: config)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}

/// The process's runtime (store, curl thread, poll cycle); on error prints it and exits 1.
func makeRuntime(_ config: VarselvaktConfig, logger: Logger, telemetry: Telemetry = .none) throws -> Runtime {
    do {
        return try Runtime(config: config, logger: logger, telemetry: telemetry)
    } catch {
        printError("\(error)")
        throw ExitCode(1)
    }
}

/// Logging to standard error (the journal under systemd), once per process.
func bootstrapLogging(level: Logger.Level) -> Logger {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
    return Logger(label: "varselvakt")
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("varselvakt: \(message)\n".utf8))
}

/// Opens the store read-only for a listing, with a clear message when it does not exist yet.
func openStoreForReading(_ config: VarselvaktConfig) throws -> NoticeStore {
    do {
        return try NoticeStore(path: config.store.path, readOnly: true)
    } catch {
        printError("\(error)")
        throw ExitCode(1)
    }
}

/// Opens the store for writing (creating it if needed), with a clear message on failure.
func makeStore(_ config: VarselvaktConfig) throws -> NoticeStore {
    do {
        return try NoticeStore(path: config.store.path)
    } catch {
        printError("\(error)")
        throw ExitCode(1)
    }
}
