import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The real `varselvakt` binary (built beside this test bundle), run as a child process on a
/// sandbox's config: the only way to test what a `kill -9` leaves behind.
final class DaemonProcess {
    let process = Process()
    let log: URL

    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [beside, beside.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("varselvakt")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return Fixtures.root.appendingPathComponent(".build/debug/varselvakt")
    }

    init(config: URL, log: URL) throws {
        self.log = log
        process.executableURL = Self.binary
        process.arguments = ["run", "--config", config.path]
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardError = handle
        process.standardOutput = handle
        try launch(process)
    }

    /// SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitForExit()
    }

    /// SIGTERM and wait; returns the exit status.
    func terminate() -> Int32 {
        if process.isRunning { process.terminate() }
        guard process.waitForExit() else { return -1 }
        return process.terminationStatus
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
}

/// Polls `condition` every 20 ms until it holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double = 60, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
