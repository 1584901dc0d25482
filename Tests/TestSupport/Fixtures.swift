public import Foundation

/// The repository and the real feed snapshots in `../shared/fixtures/feeds`, found from this
/// file's path: CI clones the repository next to `shared/`; a git worktree nested deeper
/// (`/work/wt/<name>`) finds the nearest ancestor that holds `shared/fixtures/feeds`.
public enum Fixtures {
    /// The repository root (this file is Tests/TestSupport/Fixtures.swift).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let feeds: URL = {
        var directory = root.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/fixtures/feeds")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return root.deletingLastPathComponent().appendingPathComponent("shared/fixtures/feeds")
    }()

    /// The real Statuspage captures in `../shared/fixtures/statuspage` (see its README.md): API v2
    /// JSON, history feeds and webhook bodies from other companies' pages.
    public static let statuspage: URL = feeds.deletingLastPathComponent().appendingPathComponent("statuspage")

    /// A Statuspage capture by name, e.g. `statuspageFile("emma-incidents.json")`,
    /// `statuspageFile("webhooks/statuspage-webhook-incident-update.json")`.
    public static func statuspageFile(_ name: String) -> URL { statuspage.appendingPathComponent(name) }
    public static func statuspageData(_ name: String) throws -> Data { try Data(contentsOf: statuspageFile(name)) }
    public static func statuspageBytes(_ name: String) throws -> [UInt8] { [UInt8](try statuspageData(name)) }

    /// config/catalog.toml, the real API catalog.
    public static let catalog = root.appendingPathComponent("config/catalog.toml")

    public static func feed(_ name: String) -> URL { feeds.appendingPathComponent(name) }
    public static func path(_ name: String) -> String { feed(name).path }
    public static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: feed(name))) }

    /// `folkeregisteret-rss-<stamp>.xml`, e.g. `folkeregisteret("2026-07-03")`.
    public static func folkeregisteret(_ stamp: String) -> URL { feed("folkeregisteret-rss-\(stamp).xml") }
    /// The real API driftsvarsel Atom feed.
    public static let atom = feed("skatteetaten-atom-2024-01-22.xml")
}

extension Fixtures {
    /// RSS with `count` minimal items (`<title>tN</title><guid>gN</guid>`, about 53 bytes each):
    /// the hostile "huge number of entries" source. 100,000 items are ~5.3 MB.
    public static func tinyRSS(items count: Int) -> String {
        var text = #"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>big</title>"#
        text.reserveCapacity(count * 60 + 200)
        for index in 0..<count {
            text += "<item><title>t\(index)</title><guid>g\(index)</guid></item>"
        }
        return text + "</channel></rss>"
    }
}
