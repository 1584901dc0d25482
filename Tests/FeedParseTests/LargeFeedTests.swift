import FeedParse
import Foundation
import Testing
import TestSupport
import VarselModel

/// A feed with 100,000 entries. Even minimal items make it ~5.3 MB, just over the default
/// `max_bytes` (5 MiB), so a real poll refuses it unless the cap is raised (see
/// HostileSourceTests in VarselAppTests); here the parser alone must take all of them, in order.
@Suite struct LargeFeedTests {
    @Test(.timeLimit(.minutes(2)))
    func hundredThousandEntriesAreParsedInOrder() throws {
        let bytes = Array(Fixtures.tinyRSS(items: 100_000).utf8)
        let started = ContinuousClock.now
        let feed = try FeedParser().parse(bytes, source: "big.xml")
        let elapsed = ContinuousClock.now - started
        print("LargeFeedTests: \(bytes.count) bytes, \(feed.entries.count) entries parsed in \(elapsed)")
        #expect(feed.entries.count == 100_000)
        #expect(feed.entries.first?.title == "t0")
        #expect(feed.entries.last?.id == "g99999")
    }
}
