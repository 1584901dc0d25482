public import Curl
import Foundation
import Synchronization

/// A real SMTP server on 127.0.0.1 for one test: smtp_server.py (beside this file, Debian's
/// python3-aiosmtpd) run with /usr/bin/python3. It prints its port first, then one JSON line per
/// accepted message, which a reader thread collects. Closing its stdin ends it.
public final class LocalSMTPServer: Sendable {
    /// One message as the server received it: envelope plus the raw bytes after dot-unstuffing.
    public struct ReceivedMail: Sendable, Hashable {
        public var from: String
        public var recipients: [String]
        public var data: [UInt8]
    }

    private struct Line: Decodable {
        var from: String
        var to: [String]
        var data: String
    }

    public let port: Int
    private let server: ScriptServer
    private let received = Mutex<(buffer: Data, mails: [ReceivedMail])>((Data(), []))

    /// - Parameters:
    ///   - rejecting: recipients answered with `550` (permanent) at RCPT TO.
    ///   - deferring: recipients answered with `450` (temporary) at RCPT TO.
    ///   - port: listen here instead of on a free port (a relay that comes back where it was).
    public init(rejecting: [String] = [], deferring: [String] = [], port: Int? = nil) throws {
        server = try ScriptServer(
            script: "smtp_server.py",
            arguments: rejecting.flatMap { ["--reject", $0] } + deferring.flatMap { ["--defer", $0] }
                + (port.map { ["--port", "\($0)"] } ?? []))
        self.port = server.port
        received.withLock { $0.buffer = server.leftover }
        let reader = server.output
        Thread.detachNewThread { [self] in
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { return }
                self.append(chunk)
            }
        }
    }

    /// `smtp://127.0.0.1:PORT`.
    public var url: String { "smtp://127.0.0.1:\(port)" }

    /// The messages accepted so far, in arrival order.
    public var messages: [ReceivedMail] {
        received.withLock { $0.mails }
    }

    /// Waits until at least `count` messages arrived (the server records a message before it
    /// answers 250, but the reader thread may lag a moment) or `limit` passed; returns them all.
    public func messages(atLeast count: Int, limit: Duration = .seconds(10)) async throws -> [ReceivedMail] {
        let deadline = ContinuousClock.now + limit
        while messages.count < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        return messages
    }

    private func append(_ chunk: Data) {
        received.withLock { state in
            state.buffer.append(chunk)
            while let newline = state.buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = state.buffer[state.buffer.startIndex..<newline]
                state.buffer = Data(state.buffer[(newline + 1)...])
                guard let decoded = try? JSONDecoder().decode(Line.self, from: Data(line)),
                    let bytes = Data(base64Encoded: decoded.data)
                else { continue }
                state.mails.append(ReceivedMail(from: decoded.from, recipients: decoded.to, data: Array(bytes)))
            }
        }
    }

    public func stop() { server.stop() }
}

/// Runs `body` with a fresh aiosmtpd server and curl client, stopping both even when it throws.
public func withSMTPServerAndClient<T>(
    rejecting: [String] = [], deferring: [String] = [], _ body: (LocalSMTPServer, CurlClient) async throws -> T
) async throws -> T {
    let server = try LocalSMTPServer(rejecting: rejecting, deferring: deferring)
    let client = CurlClient()
    defer {
        client.shutdown()
        server.stop()
    }
    return try await body(server, client)
}
