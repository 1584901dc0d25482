import Curl
import Foundation
import Probes
import TestSupport
import VarselModel

/// A target with default settings (or a given timeout and method) for `url`.
func target(_ url: String, api: String = "test-api", timeout: Duration = .seconds(10), method: String = "GET")
    -> ProbeTarget
{
    var settings = ProbeSettings()
    settings.timeout = timeout
    settings.method = method
    return ProbeTarget(api: api, environment: .test, url: url, settings: settings)
}

/// A URL on 127.0.0.1 where nothing listens: a server's port right after it stopped.
func closedPortURL() throws -> String {
    let server = try LocalHTTPServer()
    let url = server.url("/")
    server.stop()
    return url
}

/// Runs `body` with a fresh HTTP server and a runner over a client with room for `connections`
/// (the client is passed too, for reading what the server recorded).
func withRunner<T>(
    connections: Int = 16, referenceURL: String? = nil,
    _ body: (LocalHTTPServer, ProbeRunner, CurlClient) async throws -> T
) async throws -> T {
    let server = try LocalHTTPServer()
    let client = CurlClient(maxTotalConnections: connections)
    defer {
        client.shutdown()
        server.stop()
    }
    let runner = ProbeRunner(client: client, userAgent: "varselvakt-probe-test", referenceURL: referenceURL)
    return try await body(server, runner, client)
}
