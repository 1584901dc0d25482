import FeedParse
import Foundation
import TestSupport
import Testing
import VarselModel

#if canImport(Glibc)
    import Glibc
#endif

/// Broken and malicious documents fail clearly (or are defused) and never leak, fetch or hang.
struct HostileInputTests {
    let parser = FeedParser()

    func parse(_ xml: String, source: String = "https://example.test/feed") throws(FeedParseError) -> ParsedFeed {
        try parser.parse(Array(xml.utf8), source: source)
    }

    func error(_ xml: String, source: String = "https://example.test/feed") -> FeedParseError? {
        do {
            _ = try parse(xml, source: source)
            return nil
        } catch {
            return error
        }
    }

    static func atom(_ entries: String, prolog: String = "") -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>\(prolog)
        <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>\(entries)</feed>
        """
    }

    @Test func truncatedDocumentIsMalformedWithLineAndSource() throws {
        let whole = String(decoding: try Fixtures.bytes("skatteetaten-atom-2024-01-22.xml"), as: UTF8.self)
        let cut = String(whole.prefix(whole.count / 2))
        let failure = try #require(error(cut, source: "https://skatteetaten.github.io/x/atom.xml"))
        guard case let .malformed(source, line, message) = failure else {
            Issue.record("expected .malformed, got \(failure)")
            return
        }
        #expect(source == "https://skatteetaten.github.io/x/atom.xml")
        #expect(line > 1)
        #expect(!message.isEmpty)
        #expect(failure.description.contains("https://skatteetaten.github.io/x/atom.xml"))
        #expect(failure.description.contains("not a feed"))
    }

    @Test func plainTextIsMalformed() {
        let failure = error("Service Unavailable\n")
        #expect(failure.map { if case .malformed = $0 { true } else { false } } == true)
    }

    @Test func emptyBodyIsEmpty() {
        #expect(error("") == .empty(source: "https://example.test/feed"))
        #expect(error("  \n\t ") == .empty(source: "https://example.test/feed"))
    }

    @Test func htmlErrorPageSaysItIsNotAFeed() {
        let wellFormed = "<!DOCTYPE html><html><head><title>502</title></head><body><p>Bad gateway</p></body></html>"
        #expect(error(wellFormed) == .notAFeed(source: "https://example.test/feed", root: "html"))
        let sloppy =
            "<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>Logg inn</title></head><body>&nbsp;<br></body></html>"
        let failure = error(sloppy)
        #expect(failure != nil)
        #expect(failure?.description.contains("https://example.test/feed") == true)
        #expect(failure?.description.contains("not a feed") == true)
    }

    @Test func otherXMLRootsAreNotFeeds() {
        #expect(error("<feed><title>x</title></feed>") == .notAFeed(source: "https://example.test/feed", root: "feed"))
        let rdf = #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>"#
        #expect(
            error(rdf)
                == .notAFeed(
                    source: "https://example.test/feed",
                    root: #"rdf:RDF xmlns="http://www.w3.org/1999/02/22-rdf-syntax-ns#""#))
    }

    @Test func externalEntityIsNeverSubstituted() throws {
        let xml = Self.atom(
            "<entry><id>urn:x</id><title>a&xxe;b</title><content type=\"text\">c&xxe;d</content></entry>",
            prolog: #"<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#)
        let passwd = try String(contentsOfFile: "/etc/passwd", encoding: .utf8)
        let firstLine = try #require(passwd.split(separator: "\n").first.map(String.init))
        let feed = try parse(xml)
        let entry = try #require(feed.entries.first)
        #expect(entry.title == "ab")
        #expect(entry.contentText == "cd")
        for field in [entry.id, entry.title, entry.contentText, entry.contentHTML, entry.summaryText, feed.title] {
            #expect(!field.contains("root:"))
            #expect(!field.contains(firstLine))
        }
    }

    @Test func billionLaughsIsRejectedQuickly() {
        var prolog = #"<!DOCTYPE feed [<!ENTITY lol0 "lol">"#
        for level in 1...10 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            prolog += #"<!ENTITY lol\#(level) "\#(previous)">"#
        }
        prolog += "]>"
        let failure = error(Self.atom("<entry><id>urn:x</id><title>&lol10;</title></entry>", prolog: prolog))
        guard case let .entityLoop(source, _) = failure else {
            Issue.record("expected .entityLoop, got \(String(describing: failure))")
            return
        }
        #expect(source == "https://example.test/feed")
    }

    @Test func externalDTDIsNotFetched() throws {
        let xml = Self.atom(
            "<entry><id>urn:x</id><title>t</title></entry>",
            prolog: #"<!DOCTYPE feed SYSTEM "http://127.0.0.1:1/feed.dtd">"#)
        let feed = try parse(xml)
        #expect(feed.entries.map(\.title) == ["t"])
    }

    @Test func externalParameterEntityIsNotFetched() throws {
        let xml = Self.atom(
            "<entry><id>urn:x</id><title>t</title></entry>",
            prolog: #"<!DOCTYPE feed [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]>"#)
        let feed = try parse(xml)
        #expect(feed.entries.map(\.title) == ["t"])
    }

    @Test func titleAboveTheFieldCapRejectsTheFeed() {
        let title = String(repeating: "A", count: FeedParser.defaultMaxFieldBytes + 1)
        let failure = error(Self.atom("<entry><id>urn:x</id><title>\(title)</title></entry>"))
        #expect(
            failure
                == .tooLarge(
                    source: "https://example.test/feed", line: 2, element: "title",
                    limit: FeedParser.defaultMaxFieldBytes))
    }

    @Test func tenMegabyteTitleRejectsTheFeed() {
        let title = String(repeating: "A", count: 10 * 1024 * 1024)
        let failure = error(Self.atom("<entry><id>urn:x</id><title><![CDATA[\(title)]]></title></entry>"))
        guard case let .tooLarge(source, _, element, _) = failure else {
            Issue.record("expected .tooLarge, got \(String(describing: failure))")
            return
        }
        #expect(source == "https://example.test/feed")
        #expect(element == "title")
    }

    @Test func titleJustBelowTheCapIsKept() throws {
        let title = String(repeating: "A", count: 1000)
        let feed = try FeedParser(maxFieldBytes: 1000).parse(
            Array(Self.atom("<entry><id>urn:x</id><title>\(title)</title></entry>").utf8), source: "s")
        #expect(feed.entries.first?.title == title)
    }

    @Test func entryWithoutIdAndLinkIsSkippedAndTheRestKept() throws {
        let feed = try parse(
            Self.atom(
                """
                <entry><id>urn:1</id><title>One</title></entry>
                <entry><title> Two
                  (no id) </title><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry>
                <entry><title>Three</title><link rel="self" href="https://x/self"/><link href="https://x/3"/></entry>
                """))
        #expect(feed.entries.map(\.id) == ["urn:1", "https://x/3"])
        #expect(feed.entries.map(\.title) == ["One", "Three"])
        #expect(feed.skipped == [SkippedEntry(position: 2, title: "Two (no id)", reason: "entry has no id and no link")])
    }

    @Test func rssItemWithoutGuidUsesLinkAndWithoutBothIsSkipped() throws {
        let xml = """
            <rss version="2.0"><channel><title>C</title>
            <item><title>A</title><link> https://x/a </link></item>
            <item><title>B</title><description>no id</description></item>
            </channel></rss>
            """
        let feed = try parse(xml)
        #expect(feed.entries.map(\.id) == ["https://x/a"])
        #expect(feed.skipped.map(\.position) == [2])
    }

    @Test func activeContentIsRemovedFromHTMLAndText() throws {
        let html = #"""
            <p onclick="steal()">Hello <script>alert('xss')</script><style>p{color:red}</style>
            <iframe src="https://evil"></iframe><a href="javascript:alert(1)">click</a>
            <a href=" JaVa&#x09;Script:alert(2)">two</a><a href="data:text/html,x">three</a>
            <img src=x onerror="alert(3)"><object data="x">fallback</object><embed src="x">
            <a href="https://ok.example/?a=1&amp;b=2" onmouseover="x()" title='say "hi"'>ok</a></p>
            """#
        let xml = Self.atom("<entry><id>urn:x</id><title>t</title><content type=\"html\"><![CDATA[\(html)]]></content></entry>")
        let entry = try #require(try parse(xml).entries.first)
        for bad in [
            "script", "alert", "style", "color:red", "iframe", "onclick", "onerror", "onmouseover",
            "javascript", "JaVa", "data:", "object", "embed", "fallback", "<img",
        ] {
            #expect(!entry.contentHTML.contains(bad), "contentHTML contains \(bad): \(entry.contentHTML)")
        }
        #expect(!entry.contentText.contains("alert"))
        #expect(!entry.contentText.contains("color"))
        #expect(entry.contentText == "Hello click twothree ok")
        #expect(
            entry.contentHTML == "<p>Hello \nclick\ntwothree\n\n"
                + #"<a href="https://ok.example/?a=1&amp;b=2" title="say &quot;hi&quot;">ok</a></p>"#)
    }

    @Test func libxml2PrintsNothingToStandardError() throws {
        // Parse every hostile case in a child process would be heavier; instead redirect fd 2 here.
        let pipe = Pipe()
        let saved = dup(2)
        dup2(pipe.fileHandleForWriting.fileDescriptor, 2)
        _ = error("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</entry></feed>")
        _ = error("<!DOCTYPE html><html><body>&nbsp;</body></html>")
        _ = error("<rss><channel><item><title>&undefined;</title></item></channel></rss>")
        _ = error("\u{1}\u{2}binary")
        dup2(saved, 2)
        close(saved)
        try pipe.fileHandleForWriting.close()
        let written = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        // fd 2 is process-wide and other suites run in parallel (Swift Testing reports progress
        // there), so look for libxml2's own message shapes rather than for silence.
        let libxml2Lines = written.split(separator: "\n").filter { line in
            ["parser error", "namespace error", "validity error", "parser warning", "Entity: line"].contains {
                line.contains($0)
            }
        }
        #expect(libxml2Lines.isEmpty, "stderr got: \(written)")
    }
}
