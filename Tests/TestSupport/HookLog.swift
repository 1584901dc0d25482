public import Curl
import Foundation

/// One request as http_server.py's /hook route recorded it.
public struct RecordedRequest: Decodable, Sendable {
    public var method: String
    public var path: String
    public var headers: [[String]]
    public var body: String
    public var client_port: Int

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.first?.lowercased() == name.lowercased() }?.last
    }

    public var bodyBytes: [UInt8] { Array(Data(base64Encoded: body) ?? Data()) }
}

/// How many /hook requests arrived, over all ids.
public struct HookCount: Decodable, Sendable {
    public var ids: Int
    public var total: Int
}

extension LocalHTTPServer {
    /// What /hook recorded under `id`, read back over HTTP.
    public func hookLog(id: String, client: CurlClient) async throws -> [RecordedRequest] {
        let response = try await client.perform(CurlRequest(url: url("/hooklog?id=\(id)")))
        return try JSONDecoder().decode([RecordedRequest].self, from: Data(response.body))
    }

    /// Distinct ids and requests /hook has seen.
    public func hookCount(client: CurlClient) async throws -> HookCount {
        let response = try await client.perform(CurlRequest(url: url("/hookcount")))
        return try JSONDecoder().decode(HookCount.self, from: Data(response.body))
    }
}
