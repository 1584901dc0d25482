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
    private let server: ScriptServer

    /// - Parameter tls: certificate and key files (PEM); the server then speaks HTTPS.
    public init(tls: (certificate: String, key: String)? = nil) throws {
        server = try ScriptServer(script: "http_server.py", arguments: tls.map { [$0.certificate, $0.key] } ?? [])
        port = server.port
        scheme = tls == nil ? "http" : "https"
    }

    /// `http://127.0.0.1:PORT` (or https) + `pathAndQuery`.
    public func url(_ pathAndQuery: String) -> String {
        "\(scheme)://127.0.0.1:\(port)\(pathAndQuery)"
    }

    public func stop() { server.stop() }
}
