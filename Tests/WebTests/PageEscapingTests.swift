import Foundation
import HTTPTypes
import History
import Hummingbird
import HummingbirdTesting
import Testing
import VarselConfig
import VarselModel

@testable import Web

@Suite struct PageEscapingTests {
    @Test func theFiveCharactersAreEscapedAndEverythingElseIsKept() {
        #expect(htmlEscaped(#"<a href="x" title='y'>&</a>"#) == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(htmlEscaped("Vedlikehold av Folkeregisteret – lørdag 🙂") == "Vedlikehold av Folkeregisteret – lørdag 🙂")
        #expect(htmlEscaped("") == "")
        // A "<" with a combining mark after it is one Character ("≮" written in two scalars); it
        // must still not open a tag.
        #expect(htmlEscaped("<\u{0338}script>") == "&lt;\u{0338}script&gt;")
    }

    @Test func pageTemplatesEscapeThroughTheRegisteredContentType() throws {
        let renderer = try PageRenderer()
        let html = renderer.render(
            "problem", ["title": "<b>'x'</b>", "message": "\"<\u{0338}img onerror=1>\"", "nav": [], "user": false, "csrf": ""])
        #expect(html.contains("&lt;b&gt;&#39;x&#39;&lt;/b&gt;"))
        #expect(html.contains("&quot;&lt;\u{0338}img onerror=1&gt;&quot;"))
        #expect(!html.contains("<\u{0338}img"))
    }

    @Test func rowsWrittenInSwiftEscapeEveryValueAsTheTemplatesDo() {
        var out = HTMLBuilder()
        out.raw("<td>")
        out.text("<script>alert('x')</script> & \"q\"")
        out.raw("</td>")
        out.time(nil)
        #expect(out.html == "<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</td>–")
        out.time(Date(timeIntervalSince1970: 1_700_000_000))
        #expect(out.html.hasSuffix("<time datetime=\"2023-11-14T23:13:20+01:00\">2023-11-14 23:13 +01:00</time>"))
    }
}

@Suite struct StatusPageRowsTests {
    @Test func everyCatalogAPIHasARowWithItsProbesIncidentNewestNoticeAndWindow() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let text = try await client.execute(uri: "/", method: .get).text
            let rows = text.components(separatedBy: "<span class=\"id\">").count - 1  // one id per API row
            #expect(rows == fixture.deps.history.config.catalog.apis.count)
            #expect(text.contains("<span class=\"id\">folkeregisteret</span>"))
            #expect(text.contains("ikke overvåket") || text.contains(": Oppe</span>") || text.contains(": Nede</span>"))
            #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !text.contains("<script>alert"))
        }
    }
}

@Suite struct PercentEncodingTests {
    @Test func everyByteOutsideTheUnreservedSetIsEncodedAndDecodesBack() {
        let ids = [
            "https://skatteetaten.github.io/api-dokumentasjon/2024/01/22/inntekt#x", "plain-id_1.2~3", "æøå Å",
            "a/b?c=d&e#f%20", "🙂", "\"<script>",
        ]
        for id in ids {
            let encoded = PercentEncoding.unreserved(id)
            #expect(encoded.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "<") }, "\(encoded)")
            #expect(encoded.removingPercentEncoding == id)
        }
        #expect(PercentEncoding.unreserved("plain-id_1.2~3") == "plain-id_1.2~3")
        #expect(PercentEncoding.unreserved("æ/") == "%C3%A6%2F")
    }
}
