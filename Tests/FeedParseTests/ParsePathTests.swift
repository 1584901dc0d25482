import Foundation
import TestSupport
import Testing
import VarselModel

@testable import FeedParse

/// The SAX fast path (`SAXPass`) gives exactly what the reader path (`ReaderPass`, the reference)
/// gives, and hands every document it is not sure about to the reader.
struct ParsePathTests {
    static let fixtures = [
        "skatteetaten-atom-2024-01-22.xml",
        "folkeregisteret-rss-2018-10-18-1232.xml",
        "folkeregisteret-rss-2018-10-18-1318.xml",
        "folkeregisteret-rss-2021-04-29.xml",
        "folkeregisteret-rss-2023-08-21-1511.xml",
        "folkeregisteret-rss-2023-08-21-1514.xml",
        "folkeregisteret-rss-2023-11-03-1118.xml",
        "folkeregisteret-rss-2023-11-03-1122.xml",
        "folkeregisteret-rss-2024-08-15-1029.xml",
        "folkeregisteret-rss-2024-08-15-1152.xml",
        "folkeregisteret-rss-2026-07-03.xml",
        "folkeregisteret-rss-2026-07-07-1158.xml",
    ]

    static func sax(_ bytes: [UInt8], maxFieldBytes: Int = FeedParser.defaultMaxFieldBytes) -> ParsedFeed? {
        bytes.withUnsafeBufferPointer { SAXPass.parse($0, source: "s", maxFieldBytes: maxFieldBytes) }
    }

    static func reader(_ bytes: [UInt8], maxFieldBytes: Int = FeedParser.defaultMaxFieldBytes)
        -> Result<ParsedFeed, FeedParseError>
    {
        bytes.withUnsafeBufferPointer { FeedParser.readerResult($0, source: "s", maxFieldBytes: maxFieldBytes) }
    }

    static func atom(_ entries: String, prolog: String = "") -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="utf-8"?>\(prolog)
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>\(entries)</feed>
            """.utf8)
    }

    /// Asserts that the fast path takes `bytes` and agrees with the reader field by field.
    static func expectSame(
        _ bytes: [UInt8], _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let fast = try #require(
            sax(bytes), "SAX pass gave way: \(comment?.rawValue ?? "")",
            sourceLocation: sourceLocation)
        let reference = try reader(bytes).get()
        #expect(fast.format == reference.format, comment, sourceLocation: sourceLocation)
        #expect(fast.title == reference.title, comment, sourceLocation: sourceLocation)
        #expect(fast.skipped == reference.skipped, comment, sourceLocation: sourceLocation)
        #expect(fast.entries.count == reference.entries.count, comment, sourceLocation: sourceLocation)
        for (a, b) in zip(fast.entries, reference.entries) {
            #expect(a == b, comment, sourceLocation: sourceLocation)
        }
        #expect(fast == reference, comment, sourceLocation: sourceLocation)
    }

    @Test(arguments: fixtures)
    func everyFixtureTakesTheFastPathWithTheReadersResult(file: String) throws {
        try Self.expectSame(try Fixtures.bytes(file), Comment(rawValue: file))
    }

    @Test func generatedBenchmarkLikeFeedIsIdenticalOnBothPaths() throws {
        var entries = ""
        for index in 0..<200 {
            entries += """
                <entry><title type="html"><![CDATA[Driftsvarsel \(index): Inntekt – «på» &amp; co]]></title>
                <id>https://x.test/\(index)</id><link href="https://x.test/\(index)?a=1&amp;b=2"/>
                <updated>2026-07-07T11:58:00+02:00</updated>
                <summary type="html">&lt;p&gt;kort &amp;amp; godt&lt;/p&gt;</summary>
                <content type="html"><![CDATA[<p>Være <strong>09.07.2026 kl. 11:00–13:00</strong>\u{A0}x</p>
                <ul><li>a<li>b</ul><a href="mailto:x@y.no" title="t &quot;q&quot;">x</a>]]></content>
                <category label="Drift" term="Driftsvarsel"/><category label="L &amp; M" term=" "/></entry>

                """
        }
        try Self.expectSame(Self.atom(entries))
    }

    @Test func attributeEntitiesDecodeAsTheReaderDecodesThem() throws {
        let cases = [
            #"<link href="https://x/?a=1&amp;b=2&#38;c=&#x26;d&lt;&gt;&quot;&apos;"/>"#,
            #"<link href="https://x/&amp;#38;literal"/>"#,
            #"<link href="&#9;https://x/a&#10;b  c"/>"#,
            #"<link rel="alternate" href="https://x/&#233;&#x1F600;"/>"#,
            #"<link rel="self" href="https://x/self"/><link rel="alternate" href="https://x/alt"/>"#,
            #"<category term="A &amp; B"/><category term="" label="&lt;L&gt;"/><category term=" &#32; " label="M"/>"#,
        ]
        for links in cases {
            try Self.expectSame(
                Self.atom("<entry><id>urn:x</id><title>t</title>\(links)</entry>"),
                Comment(rawValue: links))
        }
    }

    @Test func textConstructsAreIdenticalOnBothPaths() throws {
        let cases = [
            "<title>a &amp; b &lt;c&gt; &#233; &#x2013;</title>",
            "<title type=\"html\">&lt;b&gt;bold&lt;/b&gt; &amp;amp; <![CDATA[<i>x</i>]]></title>",
            "<title>a<!-- comment -->b<?pi x?>c</title>",
            "<title>outer <b xmlns=\"urn:other\">inner</b> tail</title>",
            "<title/><content/>",
            "<title></title><content type=\"html\"></content>",
            "<title>\n   spaced \t out \n</title><content type=\"text\">line 1\nline 2\n\n  para &amp; more</content>",
            "<summary type=\"text\">plain &lt;p&gt;</summary><content type=\" TEXT/HTML \">&lt;p&gt;x</content>",
            "<a:title xmlns:a=\"http://www.w3.org/2005/Atom\">prefixed</a:title>",
            "<title xmlns=\"urn:other\">foreign</title><title>own</title>",
            "<published>2024-01-22T10:00:00Z</published><updated> 2024-01-22T10:00:00+01:00 </updated>",
        ]
        for body in cases {
            try Self.expectSame(Self.atom("<entry><id>urn:x</id>\(body)</entry>"), Comment(rawValue: body))
        }
        try Self.expectSame(Self.atom("<entry/><entry><title>no id</title></entry>"))
        try Self.expectSame(
            Array(#"<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:id>i</a:id></a:entry></a:feed>"#.utf8))
    }

    @Test func rssVariantsAreIdenticalOnBothPaths() throws {
        let cases = [
            "<rss><channel/></rss>",
            "<rss version=\"2.0\"><channel><title>C &amp; D</title><item/><item><guid>g</guid></item></channel></rss>",
            """
            <rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>C</title><item><title>T</title><link> https://x/a </link>
            <description>&lt;p&gt;d&lt;/p&gt;</description><content:encoded><![CDATA[<p>e</p>]]></content:encoded>
            <dc:date>2024-08-15T10:29:00+02:00</dc:date><category>K</category><category>L</category></item>
            <item xmlns=""><title>U</title><guid isPermaLink="false">u</guid><pubDate>Thu, 15 Aug 2024 10:29:00 +0200</pubDate></item>
            </channel></rss>
            """,
        ]
        for xml in cases {
            try Self.expectSame(Array(xml.utf8), Comment(rawValue: xml))
        }
    }

    @Test func declaredLatin1DocumentIsIdenticalOnBothPaths() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><guid>".utf8)
        bytes += [0x62, 0xE6, 0xF8, 0xE5]  // "bæøå" in Latin-1
        bytes += Array("</guid><title>".utf8)
        bytes += [0xC6, 0xD8, 0xC5] + Array("</title></item></channel></rss>".utf8)
        try Self.expectSame(bytes)
        let feed = try #require(Self.sax(bytes))
        #expect(feed.entries.first?.id == "bæøå")
        #expect(feed.entries.first?.title == "ÆØÅ")
    }

    @Test func documentsTheFastPathIsUnsureAboutGoToTheReader() throws {
        var deep = ""
        for _ in 0..<(SAXPass.maxDepth + 1) { deep += "<x>" }
        deep += String(repeating: "</x>", count: SAXPass.maxDepth + 1)
        let handedOver: [(String, [UInt8])] = [
            ("doctype", Self.atom("<entry><id>urn:x</id></entry>", prolog: "<!DOCTYPE feed>")),
            (
                "internal entity",
                Self.atom(
                    "<entry><id>urn:x</id><title>a&e;b</title></entry>",
                    prolog: #"<!DOCTYPE feed [<!ENTITY e "EVIL">]>"#)
            ),
            (
                "xhtml",
                Self.atom(
                    #"<entry><id>urn:x</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content></entry>"#
                )
            ),
            ("undefined prefix warning", Self.atom("<entry><id>urn:x</id><bad:x/></entry>")),
            ("malformed", Array("<rss><channel><item><title>x</item></channel></rss>".utf8)),
            ("not a feed", Array("<html><body/></html>".utf8)),
            ("too deep", Self.atom("<entry><id>urn:x</id>\(deep)</entry>")),
            (
                "long text run",
                Self.atom(
                    "<entry><id>urn:x</id><ignored>\(String(repeating: "a", count: SAXPass.maxTextRun + 1))</ignored></entry>")
            ),
        ]
        for (name, bytes) in handedOver {
            #expect(Self.sax(bytes) == nil, "\(name) should go to the reader")
            let viaParse: Result<ParsedFeed, FeedParseError>
            do { viaParse = .success(try FeedParser().parse(bytes, source: "s")) } catch { viaParse = .failure(error) }
            #expect(viaParse == Self.reader(bytes), "\(name): parse must give the reader's result")
        }
        // The capped field: the reader's error, with its line.
        let big = Self.atom("<entry><id>urn:x</id><title>\(String(repeating: "A", count: 1001))</title></entry>")
        #expect(big.withUnsafeBufferPointer { SAXPass.parse($0, source: "s", maxFieldBytes: 1000) } == nil)
        #expect(throws: FeedParseError.tooLarge(source: "s", line: 2, element: "title", limit: 1000)) {
            try FeedParser(maxFieldBytes: 1000).parse(big, source: "s")
        }
    }

    @Test func internalEntityIsDroppedExactlyAsBeforeThroughTheReader() throws {
        let bytes = Self.atom(
            "<entry><id>urn:x</id><title>a&e;b</title></entry>",
            prolog: #"<!DOCTYPE feed [<!ENTITY e "EVIL">]>"#)
        let feed = try FeedParser().parse(bytes, source: "s")
        #expect(feed.entries.map(\.title) == ["ab"])
    }
}
