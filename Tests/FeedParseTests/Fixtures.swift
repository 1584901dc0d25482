import Foundation

/// Real feed snapshots in `../shared/fixtures/feeds`, found from this file's path so the tests run
/// wherever the repository is cloned next to `shared/`.
enum Fixtures {
    /// `<repo>/../shared/fixtures/feeds`; from a git worktree nested one level deeper
    /// (`/work/wt/<name>`) the nearest ancestor holding `shared/fixtures/feeds` is used.
    static let feeds: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/FeedParseTests/Fixtures.swift -> repository root -> its parent
        for _ in 0..<4 { url.deleteLastPathComponent() }
        while url.path != "/" {
            let candidate = url.appendingPathComponent("shared/fixtures/feeds")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).appendingPathComponent("../../../../shared/fixtures/feeds").standardized
    }()

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: feeds.appendingPathComponent(name)))
    }
}
