import FeedParse
import Foundation
import TestSupport
import Testing
import VarselModel

/// The real Skatteetaten / Folkeregisteret snapshots parse completely and exactly.
struct FixtureFeedTests {
    let parser = FeedParser()

    func parse(_ name: String) throws -> ParsedFeed {
        try parser.parse(try Fixtures.bytes(name), source: name)
    }

    @Test(arguments: [
        ("skatteetaten-atom-2024-01-22.xml", FeedFormat.atom, 42, 42),
        ("folkeregisteret-rss-2018-10-18-1232.xml", .rss, 20, 20),
        ("folkeregisteret-rss-2018-10-18-1318.xml", .rss, 20, 20),
        ("folkeregisteret-rss-2021-04-29.xml", .rss, 207, 196),
        ("folkeregisteret-rss-2023-08-21-1511.xml", .rss, 408, 393),
        ("folkeregisteret-rss-2023-08-21-1514.xml", .rss, 100, 100),
        ("folkeregisteret-rss-2023-11-03-1118.xml", .rss, 443, 442),
        ("folkeregisteret-rss-2023-11-03-1122.xml", .rss, 443, 442),
        ("folkeregisteret-rss-2024-08-15-1029.xml", .rss, 495, 493),
        ("folkeregisteret-rss-2024-08-15-1152.xml", .rss, 494, 492),
        ("folkeregisteret-rss-2026-07-03.xml", .rss, 517, 517),
        ("folkeregisteret-rss-2026-07-07-1158.xml", .rss, 518, 518),
    ])
    /// `distinct`: Folkeregisteret's guid is a slug of the title, and titles repeat ("Driftsproblemer"),
    /// so some builds carry the same guid on several items; the parser keeps them all, in order.
    func everyFixtureParsesWithItsExactEntryCount(file: String, format: FeedFormat, count: Int, distinct: Int) throws {
        let feed = try parse(file)
        #expect(feed.format == format)
        #expect(feed.entries.count == count)
        #expect(feed.skipped.isEmpty)
        #expect(Set(feed.entries.map(\.id)).count == distinct)
        for entry in feed.entries {
            #expect(!entry.id.isEmpty)
            #expect(!entry.title.isEmpty)
            #expect(!entry.contentText.isEmpty)
            #expect(!entry.contentHTML.contains("<script"))
            #expect(entry.title == entry.title.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(!entry.contentText.contains("\u{200B}"))
        }
    }

    @Test func atomFirstEntryHasExactFields() throws {
        let feed = try parse("skatteetaten-atom-2024-01-22.xml")
        #expect(feed.title == "Skatteetaten - API varsel")
        let first = try #require(feed.entries.first)
        #expect(first.id == "https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/2024/01/22/inntekt-2024")
        #expect(first.link == first.id)
        #expect(first.title == "Inntekt API med støtte for inntektsår 2024 er i Test og Produksjon")
        #expect(first.updated == Date(timeIntervalSince1970: 1_705_937_400))
        #expect(first.published == nil)
        #expect(first.categories == ["nyhet", "inntekt"])
        #expect(
            first.summaryText
                == "Ref. tidligere varsel om årsrevisjon av Inntekt API for 2024, så er api'et nå oppdatert i både Test og Produksjon."
        )
    }

    @Test func atomContentTextDropsCommentsAndHashLinksAndKeepsHeadingsAsParagraphs() throws {
        let first = try #require(try parse("skatteetaten-atom-2024-01-22.xml").entries.first)
        let paragraphs = first.contentText.components(separatedBy: "\n\n")
        #expect(
            paragraphs.prefix(4) == [
                "Ref. tidligere varsel om årsrevisjon av Inntekt API for 2024, så er api'et nå oppdatert i både Test og Produksjon.",
                "Se detaljer i .",
                "Nye felter er ikke ennå søkbare i Tenor, men følgende identifikatorer har data for januar 2024.",
                "Ytelser fra offentlige",
            ])
        #expect(first.contentText.contains("Fødseslnummer Inntektstype\n20907396194 pleiepenger\n"))
        #expect(first.contentHTML.hasPrefix("<p>Ref. tidligere varsel"))
        #expect(first.contentHTML.contains("<h3>Ytelser fra offentlige</h3>"))
        #expect(first.contentHTML.contains("<table><thead><tr><th>Fødseslnummer</th>"))
        #expect(!first.contentHTML.contains("class="))
        #expect(!first.contentHTML.contains("<!--"))
        #expect(!first.contentHTML.contains("#ytelser"))
    }

    @Test func newestRSSItemHasExactFields() throws {
        let feed = try parse("folkeregisteret-rss-2026-07-07-1158.xml")
        #expect(feed.title == "Folkeregisteret")
        let newest = try #require(feed.entries.first)
        let url =
            "https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/ny-identitetsgrunnlagstatus-og-stort-antall-hendelser-fra-01.02.2027-20260707"
        #expect(newest.id == url)
        #expect(newest.link == url)
        #expect(newest.title == "Ny identitetsgrunnlagstatus og stort antall hendelser fra 01.02.2027 - 20260707")
        #expect(newest.published == Date(timeIntervalSince1970: 1_783_418_400))
        #expect(newest.updated == nil)
        #expect(newest.summaryText == "")
        #expect(
            newest.contentText.hasPrefix(
                "Fra 01.02.2027 vil Folkeregisteret motta meldinger fra Politiet som fører til registrering av identitetsgrunnlagstatus unik. Status unik"
            ))
        #expect(newest.contentHTML.contains("identitetsgrunnlagstatus <strong>unik</strong>."))
    }

    @Test func rssItemWithoutPubDateHasNoPublishedDate() throws {
        let feed = try parse("folkeregisteret-rss-2021-04-29.xml")
        let first = try #require(feed.entries.first)
        #expect(first.title == "No title")
        #expect(
            first.id == "https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nyheter/2020-11-03-Oppdatering-hendelse"
        )
        #expect(first.published == nil)
        #expect(feed.entries.filter { $0.published == nil }.count == 132)
    }

    @Test func entityNoiseInMailtoLinksDoesNotChangeTextOrHTML() throws {
        let guid = "https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/ytelsestest-i-konsumenttest-onsdag-20.-mai."
        let before = try #require(try parse("folkeregisteret-rss-2026-07-03.xml").entries.first { $0.id == guid })
        let after = try #require(try parse("folkeregisteret-rss-2026-07-07-1158.xml").entries.first { $0.id == guid })
        // The raw descriptions differ byte-wise (random mix of decimal and hex references) ...
        let raw03 = String(decoding: try Fixtures.bytes("folkeregisteret-rss-2026-07-03.xml"), as: UTF8.self)
        let raw07 = String(decoding: try Fixtures.bytes("folkeregisteret-rss-2026-07-07-1158.xml"), as: UTF8.self)
        #expect(raw03.contains("mailto:&#70;&#111;&#x6c;"))
        #expect(raw07.contains("mailto:&#x46;&#111;&#x6c;"))
        // ... but the decoded entry is the same.
        #expect(before.contentText == after.contentText)
        #expect(before.contentHTML == after.contentHTML)
        #expect(before == after)
        #expect(after.contentText.hasSuffix("Folkeregister Operasjonssenter Folkeregister-Operasjonssenter@skatteetaten.no"))
        #expect(
            after.contentHTML.contains(
                "<a href=\"mailto:Folkeregister-Operasjonssenter@skatteetaten.no\">Folkeregister-Operasjonssenter@skatteetaten.no</a>"
            ))
    }
}
