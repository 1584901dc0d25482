public import Curl
public import Foundation

/// A static web site on 127.0.0.1 for one test: site_server.py (beside this file) serving the
/// files under `root`, read from disk on every request. The script's header states the contract:
/// paths map to files (`/` to `index.html`), Content-Type from the extension, a strong ETag that
/// is the SHA-1 of the file's current bytes with conditional GET (304), and a request log at
/// `/__log`. Rewriting a file between two polls, even within one second, changes its ETag.
public final class LocalSiteServer: Sendable {
    /// One request as the server recorded it.
    public struct LoggedRequest: Sendable, Hashable, Decodable {
        /// The raw request path, query string included.
        public var path: String
        public var status: Int
        /// The `If-None-Match` header as sent, if any.
        public var ifNoneMatch: String?

        enum CodingKeys: String, CodingKey {
            case path, status
            case ifNoneMatch = "if_none_match"
        }
    }

    public let port: Int
    /// The directory served.
    public let root: URL
    private let server: ScriptServer

    public init(root: URL) throws {
        server = try ScriptServer(script: "site_server.py", arguments: [root.path])
        port = server.port
        self.root = root
    }

    /// `http://127.0.0.1:PORT` + `path` (which starts with `/`, or is empty for the bare origin).
    public func url(_ path: String = "") -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// Writes `data` at `path` under the root (creating folders), replacing any earlier file.
    public func write(_ data: Data, at path: String) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file, options: .atomic)
    }

    /// Writes `text` (UTF-8) at `path` under the root.
    public func write(_ text: String, at path: String) throws {
        try write(Data(text.utf8), at: path)
    }

    /// Every request served so far, oldest first (reading the log is not itself logged).
    public func requests(client: CurlClient) async throws -> [LoggedRequest] {
        let response = try await client.perform(CurlRequest(url: url("/__log")))
        return try JSONDecoder().decode([LoggedRequest].self, from: Data(response.body))
    }

    public func stop() { server.stop() }
}
