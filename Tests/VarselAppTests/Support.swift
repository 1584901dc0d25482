import Foundation
import Logging
import TestSupport
import VarselApp
import VarselConfig
import VarselModel

#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway installation: a temp dir with a config, a feed file the test swaps, and a store.
struct Sandbox {
    let directory: URL
    let feedFile: URL
    let runtime: Runtime
    let feed: FeedConfig
    let config: VarselvaktConfig

    /// - Parameter url: the feed URL; by default a file in the sandbox that `serve` replaces.
    /// - Parameters:
    ///   - deliveryKeys: the `[delivery]` lines besides templates and the loopback allow-list.
    ///   - subscribers: the text of a subscribers.toml; then the config also names the
    ///     repository's templates and `extraConfig` (e.g. an [email] section).
    init(
        url: String? = nil, extraFeedKeys: String = "", withdrawAfter: Int = 2, subscribers: String? = nil,
        extraConfig: String = "", feedAPIs: [String] = ["folkeregisteret"], deliveryKeys: String = "retry_initial = \"1s\""
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        feedFile = directory.appendingPathComponent("feed.xml")
        var alerting = extraConfig
        if let subscribers {
            try subscribers.write(to: directory.appendingPathComponent("subscribers.toml"), atomically: true, encoding: .utf8)
            alerting += """

                [subscribers]
                path = "subscribers.toml"
                [delivery]
                templates = "\(Fixtures.root.appendingPathComponent("templates").path)"
                \(deliveryKeys)
                # The test receivers listen on 127.0.0.1, which the SSRF guard refuses unless allowed.
                allow_private_webhooks = ["127.0.0.1/32"]
                """
        }
        let text = """
            [store]
            path = "state.sqlite"

            [catalog]
            path = "\(Fixtures.catalog.path)"

            [poll]
            withdraw_after_polls = \(withdrawAfter)
            \(alerting)

            [[feeds]]
            name = "folkeregisteret"
            url = "\(url ?? "file://\(feedFile.path)")"
            apis = [\(feedAPIs.map { "\"\($0)\"" }.joined(separator: ", "))]
            \(extraFeedKeys)
            """
        config = try ConfigLoader.load(text: text, file: "test.toml", baseDirectory: directory.path)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        runtime = try Runtime(config: config, logger: logger)
        feed = config.feeds[0]
    }

    /// Puts a snapshot in place as a new file (new inode, new mtime), as a site deploy would.
    func serve(_ snapshot: URL) throws {
        let temp = directory.appendingPathComponent("incoming.xml")
        try? FileManager.default.removeItem(at: temp)
        try FileManager.default.copyItem(at: snapshot, to: temp)
        // Make sure the validator (mtime + size) differs even within one second.
        let bump = Date().addingTimeInterval(Double.random(in: 1...1000))
        try FileManager.default.setAttributes([.modificationDate: bump], ofItemAtPath: temp.path)
        // rename(2) replaces atomically, as a deploy that writes a new file and renames it would.
        guard rename(temp.path, feedFile.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: feedFile.path])
        }
    }

    /// Puts a rewritten build (bytes made by a test) in place, as `serve(_:)` does a snapshot.
    func serve(_ build: Data) throws {
        let file = directory.appendingPathComponent("build-\(UUID().uuidString).xml")
        try build.write(to: file)
        try serve(file)
    }

    func poll() async throws -> FeedPollReport { try await runtime.cycle.poll(feed) }

    /// A poll by a new process's runtime on the same files: nothing remembered in memory.
    func pollAsNewProcess() async throws -> FeedPollReport {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try await Runtime(config: config, logger: logger).cycle.poll(feed)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

extension FeedPollReport {
    /// Change counts by type, for compact assertions.
    var counts: [ChangeType: Int] {
        var result: [ChangeType: Int] = [:]
        for change in changes { result[change.change, default: 0] += 1 }
        return result
    }

    var alerting: [ChangeRecord] { changes.filter { $0.change.isAlerting } }
}
