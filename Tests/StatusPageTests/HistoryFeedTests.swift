import FeedParse
import Foundation
import StatusPage
import TestSupport
import Testing
import VarselModel

/// The real Statuspage history feeds, parsed by FeedParse and rewritten into incident entries.
struct HistoryFeedTests {
    func rewrite(_ name: String) throws -> (ParsedFeed, StatusHistoryRewrite) {
        let feed = try FeedParser().parse(try Fixtures.statuspageBytes(name), source: name)
        return (feed, StatusHistoryEntries.rewrite(feed.entries))
    }

    @Test(arguments: [
        ("saucelabs-history.atom", 25, 72, "08fk1fzrw8p8"),
        ("streamyard-history.atom", 17, 46, "l4222m9bmd6k"),
        ("streamyard-history.rss", 17, 46, "l4222m9bmd6k"),
        ("parse-history.rss", 17, 38, "lzf7mjchpy20"),
    ])
    func everyHistoryEntryIsRecognisedWithItsUpdates(file: String, entries: Int, updates: Int, firstID: String) throws {
        let (feed, result) = try rewrite(file)
        #expect(feed.entries.count == entries)
        #expect(result.recognisedCount == entries)
        #expect(result.isStatuspageHistory)
        #expect(result.entries.map { $0.facts?.updateCount ?? 0 }.reduce(0, +) == updates)
        #expect(result.entries.first?.id == firstID)
        #expect(Set(result.entries.map(\.id)).count == entries)
        for entry in result.entries {
            #expect(entry.link?.hasSuffix("/incidents/\(entry.id)") == true)
            #expect(entry.facts?.severity == nil)
            #expect(entry.facts?.components == [])
            #expect(!entry.contentHTML.contains("<small"))
            #expect(entry.contentText.components(separatedBy: "\n\n").count == entry.facts?.updateCount)
        }
    }

    @Test func saucelabsIncidentKeepsEveryUpdateNewestFirstInOsloTime() throws {
        let (_, result) = try rewrite("saucelabs-history.atom")
        let entry = result.entries[1]
        #expect(entry.id == "1pjjyslhl9t7")
        #expect(entry.title == "2020-November-13 Service Incident")
        // 07:10 PST = 15:10 UTC = 16:10 in Oslo (CET).
        #expect(entry.contentText == """
            Løst (13.11.2020 kl. 16:10 norsk tid) - This incident has been resolved.

            Overvåker (13.11.2020 kl. 16:01 norsk tid) - Sauce Connect tunnels were not starting, the REST API was not responding and the Sauce Labs dashboard was not loading. We have taken corrective action and these services are now available again. We will continue to monitor the situation.

            Undersøker (13.11.2020 kl. 15:53 norsk tid) - The Sauce Labs dashboard is currently not responding. We are investigating and evaluating whether any other services are affected.
            """)
        #expect(entry.summaryText == "This incident has been resolved.")
        #expect(entry.facts?.kind == .resolved)
        #expect(entry.facts?.status == "Resolved")
        #expect(entry.facts?.lastUpdateAt == iso("2020-11-13T15:10:00Z"))
        #expect(entry.updated == iso("2020-11-13T15:10:00Z"))
    }

    @Test func saucelabsMaintenancesGoScheduledInProgressCompletedWithoutAWindow() throws {
        let (_, result) = try rewrite("saucelabs-history.atom")
        let maintenances = result.entries.filter { $0.contentText.contains("Planlagt (") }
        #expect(maintenances.count == 6)
        for entry in maintenances {
            #expect(entry.facts?.kind == .resolved)
            #expect(entry.facts?.status == "Completed")
            // The window is only in English prose ("starting at 10:00am PDT"): not guessed.
            #expect(entry.facts?.window == nil)
            let labels = entry.contentText.components(separatedBy: "\n\n").map { $0.prefix { $0 != " " } }
            #expect(labels == ["Fullført", "Pågår", "Planlagt"])
        }
        let october = try #require(maintenances.first { $0.id == "4zvfxb1g2lxj" })
        // Oct 24, 10:00 PDT = 17:00 UTC = 19:00 in Oslo (CEST).
        #expect(october.contentText.contains("Pågår (24.10.2020 kl. 19:00 norsk tid) - Scheduled maintenance is currently in progress."))
        #expect(october.contentText.contains("Planlagt (17.10.2020 kl. 01:28 norsk tid) - Sauce Labs will have a two hour"))
    }

    @Test func streamyardAtomAndRSSGiveTheSameEntries() throws {
        let (_, atom) = try rewrite("streamyard-history.atom")
        let (_, rss) = try rewrite("streamyard-history.rss")
        #expect(atom.entries.map(\.id) == rss.entries.map(\.id))
        #expect(atom.entries.map(\.title) == rss.entries.map(\.title))
        #expect(atom.entries.map(\.contentText) == rss.entries.map(\.contentText))
        #expect(atom.entries.map(\.facts) == rss.entries.map(\.facts))
        let first = try #require(atom.entries.first)
        // Resolved and Update share 09:00; the feed's order is kept.
        #expect(first.contentText == """
            Løst (08.02.2024 kl. 10:00 norsk tid) - This incident has been resolved.

            Oppdatering (08.02.2024 kl. 10:00 norsk tid) - The issues have been resolved.

            Undersøker (08.02.2024 kl. 09:29 norsk tid) - Some users are experiencing networking issues right now. We are investigating.
            """)
    }

    @Test func parsePostmortemIsResolvedAndKeepsItsLineBreaks() throws {
        let (_, result) = try rewrite("parse-history.rss")
        let entry = try #require(result.entries.first { $0.contentText.hasPrefix("Etterrapport") })
        #expect(entry.title == "Elevated error rates and latency")
        #expect(entry.facts?.kind == .resolved)
        #expect(entry.facts?.status == "Postmortem")
        // Dec 26, 10:22 "PST" 2013 -> 18:22 UTC -> 19:22 Oslo; the entry's pubDate is Dec 24,
        // the update two days later is still placed in 2013.
        #expect(entry.contentText.hasPrefix(
            "Etterrapport (26.12.2013 kl. 19:22 norsk tid) - # Summary of the December 24 Parse Service Disruption\nWe would like"))
        #expect(entry.facts?.updateCount == 3)
    }

    @Test func yearlessTimesTakeTheYearNearestTheEntryDate() throws {
        let (_, result) = try rewrite("parse-history.rss")
        // Published 1 Jan 2014; its updates are on Jan 1 (2014).
        #expect(result.entries[0].facts?.lastUpdateAt == iso("2014-01-01T17:09:00Z"))
        // Published 29 Dec 2013: December, not December 2014.
        #expect(result.entries[1].facts?.lastUpdateAt == iso("2013-12-29T20:20:00Z"))
        // "PST" in August 2013 is Los Angeles wall time (PDT, -07:00), as the pubDate shows.
        let august = try #require(result.entries.first { $0.id == "hjvc79kb47c4" })
        #expect(august.facts?.lastUpdateAt == iso("2013-07-22T22:04:00Z"))
        // A December update in an entry dated January belongs to the year before.
        let december = FeedEntry(
            id: "x", title: "Årsskifte", link: "https://status.skatteetaten.no/incidents/aar1",
            updated: iso("2025-01-01T08:00:00Z"),
            contentText: "Jan 1, 09:00 CET\nResolved - Løst.\n\nDec 31, 23:30 CET\nInvestigating - Undersøker.")
        let rewritten = try #require(StatusHistoryEntries.rewrite(december))
        #expect(rewritten.contentText == """
            Løst (01.01.2025 kl. 09:00 norsk tid) - Løst.

            Undersøker (31.12.2024 kl. 23:30 norsk tid) - Undersøker.
            """)
    }

    @Test func norwegianLabelsAndScheduledEventWindowAreRead() throws {
        let entry = FeedEntry(
            id: "tag:x", title: "Vedlikehold", link: "https://status.skatteetaten.no/incidents/vedl1#x",
            updated: iso("2024-12-02T09:00:00Z"),
            contentText: """
                THIS IS A SCHEDULED EVENT Dec 7, 21:00 - Dec 8, 01:00 CET

                des 2, 10:00 CET
                FULLFØRT - Vedlikeholdet er avlyst.

                nov 25, 10:00 CET
                Planlagt - Skattemelding API stenges lørdag kveld.
                """)
        let rewritten = try #require(StatusHistoryEntries.rewrite(entry))
        #expect(rewritten.id == "vedl1")
        #expect(rewritten.facts?.window == MaintenanceWindow(start: iso("2024-12-07T20:00:00Z"), end: iso("2024-12-08T00:00:00Z")))
        #expect(rewritten.facts?.kind == .cancelled)  // completed before the window opened
        #expect(rewritten.facts?.status == "FULLFØRT")
        #expect(rewritten.contentText.hasPrefix("Fullført (02.12.2024 kl. 10:00 norsk tid) - Vedlikeholdet er avlyst."))

        var sameDay = entry
        sameDay.contentText = "THIS IS A SCHEDULED EVENT Apr 7, 13:00 - 17:00 UTC\n\nApr 1, 08:00 UTC\nScheduled - Planned."
        sameDay.updated = iso("2026-04-01T08:00:00Z")
        let scheduled = try #require(StatusHistoryEntries.rewrite(sameDay))
        #expect(scheduled.facts?.window == MaintenanceWindow(start: iso("2026-04-07T13:00:00Z"), end: iso("2026-04-07T17:00:00Z")))
        #expect(scheduled.facts?.kind == .maintenance)
    }

    @Test func entriesThatAreNotStatuspageShapedAreReturnedUnchanged() throws {
        let feed = try FeedParser().parse(try Fixtures.bytes("skatteetaten-atom-2024-01-22.xml"), source: "atom")
        let result = StatusHistoryEntries.rewrite(feed.entries)
        #expect(result.recognisedCount == 0)
        #expect(!result.isStatuspageHistory)
        #expect(result.entries == feed.entries)

        let lookalike = FeedEntry(
            id: "y", title: "Blogg", link: "https://example.org/incidents/abc", updated: iso("2024-01-01T00:00:00Z"),
            contentText: "Intro first.\n\nJan 1, 09:00 UTC\nResolved - fixed.")
        #expect(StatusHistoryEntries.rewrite(lookalike) == nil)
        var noLink = lookalike
        noLink.link = "https://example.org/posts/abc"
        noLink.contentText = "Jan 1, 09:00 UTC\nResolved - fixed."
        #expect(StatusHistoryEntries.rewrite(noLink) == nil)
        #expect(StatusHistoryEntries.incidentCode(link: "https://s.example/incidents/08fk1fzrw8p8?u=1") == "08fk1fzrw8p8")
    }
}
