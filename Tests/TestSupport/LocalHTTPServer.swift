import Foundation

/// A real HTTP server on 127.0.0.1 for one test: http_server.py (beside this file) run with
/// python3. It binds a free port and prints it first; closing its stdin ends it, so a crashed
/// test process cannot leave it behind.
public final class LocalHTTPServer: Sendable {
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    public let port: Int
    public let scheme: String
    private let process: Process
    private let stdin: Pipe

    /// - Parameter tls: certificate and key files (PEM); the server then speaks HTTPS.
    public init(tls: (certificate: String, key: String)? = nil) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("http_server.py")
        let process = Process()
        let extra = tls.map { [$0.certificate, $0.key] } ?? []
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [script.path] + extra
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path] + extra
        }
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { throw StartError(description: "http_server.py exited before printing its port") }
            line.append(chunk)
        }
        guard let text = String(data: line, encoding: .utf8),
            let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw StartError(description: "http_server.py printed no port") }
        self.port = port
        self.scheme = tls == nil ? "http" : "https"
        self.process = process
        self.stdin = stdin
    }

    /// `http://127.0.0.1:PORT` (or https) + `pathAndQuery`.
    public func url(_ pathAndQuery: String) -> String {
        "\(scheme)://127.0.0.1:\(port)\(pathAndQuery)"
    }

    public func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
