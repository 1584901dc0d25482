import Foundation
import NoticeStore
import Testing
import TestSupport
import VarselApp
import VarselModel

/// A status page's `/history.atom` and `/history.rss` polled as feeds: each entry becomes the
/// incident it describes (its code as id, its kind from the newest update's label), and the two
/// formats of one page give the same notices.
@Suite struct HistoryFeedPollTests {
    func notices(polling fixture: String, format: String) async throws -> [NoticeRecord] {
        let sandbox = try Sandbox(extraFeedKeys: "format = \"\(format)\"", feedAPIs: [])
        defer { sandbox.remove() }
        try sandbox.serve(Fixtures.statuspageFile(fixture))
        let report = try await sandbox.poll()
        #expect(report.outcome == .modified, "\(report.line)")
        return try await sandbox.runtime.store.notices().sorted { $0.id < $1.id }
    }

    @Test func historyAtomAndRSSOfOnePageGiveTheSameIncidents() async throws {
        let atom = try await notices(polling: "streamyard-history.atom", format: "atom")
        let rss = try await notices(polling: "streamyard-history.rss", format: "rss")
        #expect(!atom.isEmpty && atom.count == rss.count)
        #expect(atom.map(\.id) == rss.map(\.id))
        #expect(atom.map(\.classification.kind) == rss.map(\.classification.kind))
        #expect(atom.map(\.entry.contentText) == rss.map(\.entry.contentText))
        // The id is the incident code from the entry's link, as the JSON API names it.
        let first = try #require(atom.first { $0.id.rawValue == "l4222m9bmd6k" })
        #expect(first.entry.link == "https://status.streamyard.com/incidents/l4222m9bmd6k")
        #expect(first.classification.kind == .resolved)
        #expect(first.entry.facts?.status?.lowercased() == "resolved")
    }

    @Test func maintenanceHistoryEntriesAreMaintenanceUntilCompleted() async throws {
        let notices = try await notices(polling: "saucelabs-history.atom", format: "auto")
        let kinds = Set(notices.map(\.classification.kind))
        // Every maintenance in the capture has completed, every incident is resolved.
        #expect(kinds == [.resolved])
        #expect(notices.allSatisfy { $0.entry.facts != nil })
    }
}
