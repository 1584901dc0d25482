import Curl
import Delivery
import Foundation
import TestSupport
import VarselModel

/// One request as http_server.py's /hook route recorded it.
struct RecordedRequest: Decodable {
    var method: String
    var path: String
    var headers: [[String]]
    var body: String
    var client_port: Int

    /// The first value of header `name`, compared case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.first?.lowercased() == name.lowercased() }?.last
    }

    var bodyBytes: [UInt8] { Array(Data(base64Encoded: body) ?? Data()) }
}

/// Runs `body` with a fresh HTTP server and curl client, stopping both even when it throws.
func withHookServer<T>(_ body: (LocalHTTPServer, CurlClient) async throws -> T) async throws -> T {
    let server = try LocalHTTPServer()
    let client = CurlClient()
    defer {
        client.shutdown()
        server.stop()
    }
    return try await body(server, client)
}

extension LocalHTTPServer {
    /// What /hook recorded under `id`, read back over HTTP.
    func hookLog(id: String, client: CurlClient) async throws -> [RecordedRequest] {
        let response = try await client.perform(CurlRequest(url: url("/hooklog?id=\(id)")))
        return try JSONDecoder().decode([RecordedRequest].self, from: Data(response.body))
    }
}

let testSecret = Secret("whsec_test_7f3a9c")
let testUserAgent = "varselvakt-test/1.0"

func webhookTransport(_ client: CurlClient, timeout: Duration = .seconds(5)) -> WebhookTransport {
    WebhookTransport(client: client, timeout: timeout, connectTimeout: .seconds(2), userAgent: testUserAgent)
}

extension WebhookTransport {
    /// A send with fixed test values for everything but `url` and `body`.
    func send(_ url: String, body: [UInt8] = Array(#"{"event":"notice.new","title":"Altinn er nede"}"#.utf8), now: Date = Date())
        async -> AttemptResult
    {
        await send(
            url: url, body: body, secret: testSecret, idempotencyKey: "notice-17:kommune-0301:webhook",
            event: "notice.new", deliveryID: 42, now: now)
    }
}
