import VarselConfig
import Classify
import Foundation
import TestSupport
import Testing
import VarselModel

/// Every entry of the real API feed, classified against the real catalog.
@Suite struct AtomFixtureTests {
    let classifier = Classifier(catalog: TestCatalog.catalog, lexicon: ConfigLoader.builtInLexicon)

    @Test func tableCopiesEveryEntryOfTheRealFeed() throws {
        let feed = try String(
            contentsOf: Fixtures.feeds.appendingPathComponent("skatteetaten-atom-2024-01-22.xml"), encoding: .utf8)
        #expect(feed.components(separatedBy: "<entry>").count - 1 == atomFixtureEntries.count)
        for entry in atomFixtureEntries {
            #expect(feed.contains("<title type=\"html\"><![CDATA[\(entry.title)]]></title>"), "\(entry.title)")
            #expect(feed.contains("<updated>\(entry.updated)</updated>"))
        }
    }

    @Test(arguments: atomFixtureEntries)
    func entryGetsItsKind(_ entry: AtomFixtureEntry) {
        #expect(classifier.classify(entry.input).kind == entry.kind)
    }

    @Test(arguments: atomFixtureEntries)
    func entryGetsItsAPIsAndScope(_ entry: AtomFixtureEntry) {
        let result = classifier.classify(entry.input)
        #expect(result.apis == entry.apis)
        #expect(result.scope == entry.scope)
    }

    @Test func kindCountsMatchAReadingOfTheFeed() {
        let counts = Dictionary(grouping: atomFixtureEntries.map { classifier.classify($0.input).kind }, by: { $0 }).mapValues(
            \.count)
        #expect(counts == [.maintenance: 13, .incident: 9, .resolved: 7, .change: 10, .news: 2, .cancelled: 1])
    }

    @Test func twoEntriesTitledDriftsvarsel13112023AreOutageAndResolution() {
        let twins = atomFixtureEntries.filter { $0.title == "Driftsvarsel 13.11.2023" }
        #expect(twins.count == 2)
        #expect(twins.map { classifier.classify($0.input).kind } == [.incident, .resolved])
    }

    /// The windows, read by hand from each entry (Europe/Oslo: UTC+1 in winter, UTC+2 in summer).
    static let windows: [(index: Int, start: String, end: String?)] = [
        (4, "2024-01-02T23:00:00Z", "2024-01-03T23:00:00Z"),  // "i dag 03.01.24": the whole day
        (8, "2023-12-30T23:00:00Z", "2024-01-05T23:00:00Z"),  // 31.12.23 til og med 05.01.24
        (12, "2023-11-28T08:00:00Z", nil),  // tirsdag 28.11.23 kl. 09:00, no end given
        (13, "2023-11-16T17:00:00Z", "2023-11-16T21:00:00Z"),
        (14, "2023-11-16T17:00:00Z", "2023-11-16T18:00:00Z"),
        (20, "2023-11-07T08:00:00Z", nil),  // "07.11.2023 kl. 9"
        (30, "2023-06-15T16:00:00Z", "2023-06-15T17:00:00Z"),  // title day, summary hours
        (31, "2023-06-02T22:00:00Z", "2023-06-04T22:00:00Z"),  // "utsatt til 3. eller 4. juni"
        (32, "2023-05-09T05:00:00Z", "2023-05-09T06:00:00Z"),  // "(09.05.2023) ... mellom kl. 07-08"
        (33, "2023-04-29T07:00:00Z", "2023-04-29T07:30:00Z"),  // "kl 0900 til kl 0930"
        (34, "2023-04-27T16:00:00Z", "2023-04-27T17:00:00Z"),
        (36, "2023-04-20T16:00:00Z", "2023-04-20T17:00:00Z"),
        (37, "2023-04-13T16:00:00Z", "2023-04-13T17:00:00Z"),
    ]

    @Test func maintenanceEntriesGetTheirExactWindows() throws {
        for (index, start, end) in Self.windows {
            let entry = atomFixtureEntries[index]
            let result = classifier.classify(entry.input)
            #expect(result.kind == .maintenance, "#\(index)")
            let window = try #require(result.maintenanceWindow, "#\(index) \(entry.title)")
            #expect(window.start == utc(start), "#\(index) \(entry.title)")
            #expect(window.end == end.map(utc), "#\(index) \(entry.title)")
            #expect(result.unparsedWindow == nil)
        }
        let maintenance = atomFixtureEntries.filter { $0.kind == .maintenance }.map(\.index)
        #expect(maintenance == Self.windows.map(\.index))
    }

    @Test func nonMaintenanceEntriesCarryNoWindow() {
        for entry in atomFixtureEntries where entry.kind != .maintenance {
            let result = classifier.classify(entry.input)
            #expect(result.maintenanceWindow == nil, "\(entry.title)")
            #expect(result.unparsedWindow == nil, "\(entry.title)")
        }
    }

    @Test func utgårEntryCancelsTheNoticeItNames() {
        let cancellation = classifier.classify(atomFixtureEntries[29].input)
        #expect(cancellation.kind == .cancelled)
        #expect(cancellation.cancels == "Varsel om vedlikehold torsdag 15. juni 2023")
        #expect(cancellation.cancels == atomFixtureEntries[30].title)
        for entry in atomFixtureEntries where entry.index != 29 {
            #expect(classifier.classify(entry.input).cancels == nil)
        }
    }
}
