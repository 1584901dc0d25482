import Foundation

/// Real feed snapshots from shared/fixtures/feeds. CI clones the repository next to `shared/`;
/// a git worktree sits one level deeper, so the search walks up from the repository root.
enum Fixtures {
    static let feeds: URL = {
        var directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()  // Support/ → FeedFetchTests/ → Tests/ → repository root
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("../shared/fixtures/feeds").standardizedFileURL
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("shared/fixtures/feeds")
    }()

    static func path(_ name: String) -> String {
        feeds.appendingPathComponent(name).path
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: feeds.appendingPathComponent(name)))
    }
}
