import Foundation

/// A test server written in Python (a script beside this file), run with Debian's
/// /usr/bin/python3: it binds a free port on 127.0.0.1, prints the port as its first line, and
/// exits when its stdin closes, so a crashed test process cannot leave it behind.
/// `LocalHTTPServer` and `LocalSMTPServer` are thin layers over it.
final class ScriptServer: Sendable {
    let port: Int
    /// Whatever the script printed after the port line before `init` returned.
    let leftover: Data
    /// The script's stdout, for servers that report more than the port.
    let output: FileHandle
    private let process: Process
    private let stdin: Pipe

    init(script name: String, arguments: [String] = []) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(name)
        let process = Process()
        // The system interpreter: Debian's python3-aiosmtpd is not visible to a pyenv one on PATH.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try launch(process)
        var data = Data()
        while !data.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty {
                throw LocalHTTPServer.StartError(description: "\(name) exited before printing its port")
            }
            data.append(chunk)
        }
        let newline = data.firstIndex(of: UInt8(ascii: "\n"))!
        guard let port = Int(String(decoding: data[..<newline], as: UTF8.self).trimmingCharacters(in: .whitespaces)) else {
            throw LocalHTTPServer.StartError(description: "\(name) printed no port")
        }
        self.port = port
        self.leftover = Data(data[(newline + 1)...])
        self.output = stdout.fileHandleForReading
        self.process = process
        self.stdin = stdin
    }

    /// Ends the server and waits until it has exited (at most 5 s, then SIGKILL); see
    /// `Process.waitForExit` for why not `waitUntilExit()`.
    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        if !process.waitForExit(within: 5) { kill(process.processIdentifier, SIGKILL) }
    }
}
