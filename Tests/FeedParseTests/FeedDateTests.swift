import FeedParse
import Foundation
import Testing
import VarselModel

/// RFC 3339 and RFC 822 dates as real feeds write them; impossible dates give nil.
struct FeedDateTests {
    @Test(arguments: [
        ("2024-01-22T15:30:00.000Z", 1_705_937_400.0),
        ("2024-01-22T15:30:00Z", 1_705_937_400),
        ("2024-01-22t15:30:00.5z", 1_705_937_400.5),
        ("2024-01-22 15:30:00.123456789Z", 1_705_937_400.123456789),
        ("2026-07-07T11:58:00+02:00", 1_783_418_280),
        ("2026-07-07T11:58:00+0200", 1_783_418_280),
        ("2026-07-07T09:58:00-00:00", 1_783_418_280),
        ("2024-02-29T23:59:59Z", 1_709_251_199),
        ("2024-01-22T15:30Z", 1_705_937_400),
        ("2020-05-20", 1_589_932_800),
        ("  2024-01-22T15:30:00Z\n", 1_705_937_400),
    ])
    func rfc3339(text: String, seconds: Double) throws {
        let date = try #require(FeedDate.rfc3339(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_01)
        #expect(FeedDate.parse(text) == date)
    }

    @Test(arguments: [
        ("Tue, 07 Jul 2026 10:00:00 GMT", 1_783_418_400.0),
        ("Tue, 7 Jul 2026 10:00:00 +0000", 1_783_418_400),
        ("07 Jul 2026 10:00:00 UTC", 1_783_418_400),
        ("Tue, 07 Jul 2026 10:00 Z", 1_783_418_400),
        ("Tue, 07 Jul 2026 12:00:00 +0200", 1_783_418_400),
        ("Tue, 07 Jul 2026 12:00:00 +02:00", 1_783_418_400),
        ("Tue, 07 Jul 2026 12:00:00 CEST", 1_783_418_400),
        ("Fri, 31 Dec 99 23:59 EST", 946_702_740),
        ("Fri, 03 Nov 2023 09:05:00 PDT", 1_699_027_500),
        ("Mon, 01 Mar 49 08:00:00 GMT", 2_498_198_400),
        ("wed, 20 may 2020 00:00:00 gmt", 1_589_932_800),
        ("Wed, 20 May 2020 00:00:00", 1_589_932_800),
        ("Wed, 20 May 2020 00:00:00 GMT (Coordinated Universal Time)", 1_589_932_800),
    ])
    func rfc822(text: String, seconds: Double) throws {
        let date = try #require(FeedDate.rfc822(text))
        #expect(date.timeIntervalSince1970 == seconds)
        #expect(FeedDate.parse(text) == date)
    }

    @Test(arguments: [
        "", "yesterday", "1969-12-31T23:59:59Z", "2201-01-01T00:00:00Z", "2024-13-01T00:00:00Z",
        "2024-04-31T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-22T24:00:00Z", "2024-01-22T15:60:00Z",
        "2024-01-22T15:30:00+25:00", "2024-01-22T15:30:00Zjunk", "Tue, 32 Jul 2026 10:00:00 GMT",
        "Tue, 07 Foo 2026 10:00:00 GMT", "Tue, 07 Jul 1900 10:00:00 GMT", "Tue, 07 Jul 2026 10:00:00 XYZ",
        "Tue, 07 Jul 2026 25:00:00 GMT", "Tue, 07 Jul 2026", "0000-00-00T00:00:00Z",
    ])
    func absurdOrBrokenDatesGiveNil(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }

    @Test func entryWithAbsurdDateIsKeptWithoutIt() throws {
        let xml = """
            <rss version="2.0"><channel><title>C</title><item><guid>g</guid><title>T</title>\
            <pubDate>Mon, 31 Feb 2026 10:00:00 GMT</pubDate></item></channel></rss>
            """
        let feed = try FeedParser().parse(Array(xml.utf8), source: "s")
        #expect(feed.entries.count == 1)
        #expect(feed.entries.first?.published == nil)
    }

    @Test func dublinCoreDateIsTheFallbackForPubDate() throws {
        let xml = """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>C</title>\
            <item><guid>a</guid><title>A</title><dc:date>2024-01-22T15:30:00Z</dc:date></item>\
            <item><guid>b</guid><title>B</title><pubDate>Tue, 07 Jul 2026 10:00:00 GMT</pubDate>\
            <dc:date>2024-01-22T15:30:00Z</dc:date></item></channel></rss>
            """
        let feed = try FeedParser().parse(Array(xml.utf8), source: "s")
        #expect(
            feed.entries.map(\.published) == [
                Date(timeIntervalSince1970: 1_705_937_400), Date(timeIntervalSince1970: 1_783_418_400),
            ])
    }
}
