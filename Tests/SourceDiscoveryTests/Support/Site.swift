import Curl
import FeedFetch
import Foundation
import SourceDiscovery
import TestSupport

/// A LocalSiteServer over a fresh temporary directory, a discovery on a fresh client, and the
/// client to read the server's request log with.
struct Site {
    let server: LocalSiteServer
    let client: CurlClient
    let discovery: SourceDiscovery

    /// The status-page captures in shared/fixtures/statuspage.
    static let statuspageFixtures = Fixtures.feeds.deletingLastPathComponent().appendingPathComponent("statuspage")

    /// The paths the server was asked for, in order.
    func requestedPaths() async throws -> [String] {
        try await server.requests(client: client).map(\.path)
    }

    func copy(statuspage name: String, to path: String) throws {
        try server.write(Data(contentsOf: Self.statuspageFixtures.appendingPathComponent(name)), at: path)
    }

    func copy(feed name: String, to path: String) throws {
        try server.write(Data(contentsOf: Fixtures.feed(name)), at: path)
    }
}

/// Runs `body` with a fresh site; tears down the server, client and directory afterwards.
func withSite<T>(_ body: (Site) async throws -> T) async throws -> T {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("discovery-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let server = try LocalSiteServer(root: root)
    let client = CurlClient()
    defer {
        client.shutdown()
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }
    let discovery = SourceDiscovery(fetcher: FeedFetcher(client: client), limits: FetchLimits(timeout: .seconds(10)))
    return try await body(Site(server: server, client: client, discovery: discovery))
}

/// A minimal HTML page whose head holds `links` (raw `<link ...>` markup).
func page(links: [String] = []) -> String {
    """
    <!DOCTYPE html>
    <html><head><meta charset="utf-8"><title>Driftsmeldinger</title>
    \(links.joined(separator: "\n"))
    </head><body><h1>Status</h1><p>Alle systemer fungerer.</p></body></html>
    """
}
