import FeedParse
import Foundation
import StatusPage
import Testing
import VarselModel

/// The same incident read from the JSON API and from the history feed is the same entry, so a
/// source switched between the two does not alert on every incident; and bodies never carry
/// markup through.
struct SameIncidentTwoSourcesTests {
    func viaFeed(_ incident: StatusIncident) throws -> StatusHistoryRewrite {
        let atom = HistoryFeedBuilder.atom(incident, pageURL: NorwegianPage.pageURL)
        let feed = try FeedParser().parse(Array(atom.utf8), source: "built.atom")
        return StatusHistoryEntries.rewrite(feed.entries)
    }

    @Test func jsonAndHistoryAtomGiveTheSameIdTitleKindAndText() throws {
        let incident = try #require(try Load.json(NorwegianPage.incidents, .incidents).incidents.first)
        let fromJSON = StatusPageEntries.entry(incident, pageURL: NorwegianPage.pageURL)
        let rewrite = try viaFeed(incident)
        #expect(rewrite.isStatuspageHistory)
        let fromFeed = try #require(rewrite.entries.first)
        #expect(fromFeed.id == fromJSON.id)
        #expect(fromFeed.link == fromJSON.link)
        #expect(fromFeed.title == fromJSON.title)
        #expect(fromFeed.facts?.kind == fromJSON.facts?.kind)
        #expect(fromFeed.contentText == fromJSON.contentText)
        #expect(fromFeed.contentHTML == fromJSON.contentHTML)
        #expect(fromFeed.summaryText == fromJSON.summaryText)
        #expect(fromFeed.updated == fromJSON.updated)
        #expect(fromFeed.facts?.lastUpdateAt == fromJSON.facts?.lastUpdateAt)
        #expect(fromFeed.facts?.updateCount == 4)
        #expect(fromFeed.facts?.status == "Resolved")
        #expect(fromFeed.facts?.severity == nil)  // feeds have no impact
        #expect(fromFeed.facts?.components == [])  // nor components
    }

    @Test func maintenancesReadTheSameFromBothSources() throws {
        let maintenances = try Load.json(NorwegianPage.maintenances, .scheduledMaintenances).scheduledMaintenances
        for maintenance in maintenances {
            let fromJSON = StatusPageEntries.entry(maintenance, pageURL: NorwegianPage.pageURL)
            let fromFeed = try #require(try viaFeed(maintenance).entries.first)
            #expect(fromFeed.id == fromJSON.id)
            #expect(fromFeed.contentText == fromJSON.contentText)
            // Without a "THIS IS A SCHEDULED EVENT" line the feed has no window, so a cancellation
            // (completed before the window) reads as completed there.
            let expected: NoticeKind? = fromJSON.facts?.kind == .cancelled ? .resolved : fromJSON.facts?.kind
            #expect(fromFeed.facts?.kind == expected, "\(maintenance.id)")
        }
    }

    @Test func hostileBodiesAreEscapedInHTMLFromBothSources() throws {
        var incident = try #require(try Load.json(NorwegianPage.incidents, .incidents).incidents.first)
        incident.updates[0].body =
            #"<script>alert(1)</script> Se <a href="javascript:alert(2)">her</a> & <img src=x onerror=alert(3)>"#
        let fromJSON = StatusPageEntries.entry(incident, pageURL: NorwegianPage.pageURL)
        let fromFeed = try #require(try viaFeed(incident).entries.first)
        for entry in [fromJSON, fromFeed] {
            #expect(!entry.contentHTML.contains("<script"))
            #expect(!entry.contentHTML.contains("<a "))
            #expect(!entry.contentHTML.contains("<img"))
            #expect(entry.contentHTML.hasPrefix(
                "<p><strong>Løst</strong> (14.10.2024 kl. 11:30 norsk tid) - &lt;script&gt;alert(1)&lt;/script&gt; Se &lt;a href=&quot;javascript:alert(2)&quot;&gt;her&lt;/a&gt; &amp; &lt;img src=x onerror=alert(3)&gt;</p>"))
            #expect(entry.contentText.hasPrefix("Løst (14.10.2024 kl. 11:30 norsk tid) - <script>alert(1)</script> Se"))
        }
        #expect(fromFeed.contentHTML == fromJSON.contentHTML)
    }

    @Test func multiLineBodiesBecomeLineBreaksNotParagraphs() throws {
        var incident = try #require(try Load.json(NorwegianPage.incidents, .incidents).incidents.first)
        incident.updates[0].body = "Første linje.\n\nAndre linje.\r\nTredje  linje."
        let fromJSON = StatusPageEntries.entry(incident, pageURL: NorwegianPage.pageURL)
        let fromFeed = try #require(try viaFeed(incident).entries.first)
        #expect(fromJSON.summaryText == "Første linje.\nAndre linje.\nTredje linje.")
        #expect(fromJSON.contentHTML.hasPrefix(
            "<p><strong>Løst</strong> (14.10.2024 kl. 11:30 norsk tid) - Første linje.<br>Andre linje.<br>Tredje linje.</p>"))
        #expect(fromFeed.contentText == fromJSON.contentText)
    }
}
