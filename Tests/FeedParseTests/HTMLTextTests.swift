import FeedParse
import Testing

/// The plain text change detection hashes, and the sanitized HTML that goes into mails.
struct HTMLTextTests {
    @Test func markupOnlyEditsGiveTheSameText() {
        let a = HTMLText(html: "<p>Intro</p><h3>Driftsvarsel</h3><p>Body text.</p>")
        let b = HTMLText(html: "<p>Intro</p>\n<p><strong>Driftsvarsel</strong></p>\n\n<div>Body   text.</div>")
        #expect(a.text == "Intro\n\nDriftsvarsel\n\nBody text.")
        #expect(a.text == b.text)
    }

    @Test func zeroWidthHashLinkDoesNotChangeText() {
        let plain = HTMLText(html: "<h3>Pensjon eller trygd</h3>")
        let anchored = HTMLText(
            html: ##"<h3 class="anchor" id="p">Pensjon eller trygd<a href="#p" class="hash-link">&#8203;</a></h3>"##)
        let literal = HTMLText(html: "<h3>Pensjon eller trygd<a href=\"#p\">\u{200B}</a></h3>")
        #expect(anchored.text == plain.text)
        #expect(literal.text == plain.text)
        #expect(anchored.html == "<h3>Pensjon eller trygd</h3>")
    }

    @Test func blockElementsBreakLinesAndCommentsVanish() {
        let converted = HTMLText(
            html: """
                <p>Se detaljer i <!-- -->.</p><ul><li>én</li><li>to<br>tre</li></ul>
                <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>
                """)
        #expect(converted.text == "Se detaljer i .\n\nén\nto\ntre\n\nA B\n1 2")
    }

    @Test func entitiesAreDecodedAndWhitespaceCollapsed() {
        let converted = HTMLText(html: "  A&nbsp;&amp;&#160;B &lt;tag&gt; &#x2013; &#150; &eacute; &unknown; &#0; \t\n C  ")
        #expect(converted.text == "A & B <tag> – – é &unknown; \u{FFFD} C")
        #expect(converted.html == "  A\u{A0}&amp;\u{A0}B &lt;tag&gt; – – é &amp;unknown; \u{FFFD} \t\n C  ")
    }

    @Test func droppedElementsTakeTheirContentWithThem() {
        let converted = HTMLText(
            html: """
                a<script>var x = "</p>"; if (a < b) {}</script>b<style>.c{}</style>c<noscript><p>n</p></noscript>d\
                <template><p>t</p></template>e<form><input value="v">f</form>g<iframe>i</iframe>h<SCRIPT >x</SCRIPT>i
                """)
        #expect(converted.text == "abcdeghi")
        #expect(converted.html == "abcdeghi")
    }

    @Test func sanitizedHTMLKeepsOnlyAllowListedTagsAndAttributes() {
        let converted = HTMLText(
            html: """
                <div class="x" style="color:red"><span id="s">Hi</span> <b onclick="x()">bold</b> \
                <a href="https://x.example/a?b=1&c=2">link</a> <a href="/relative">rel</a> \
                <a href="mailto:a@b.no">mail</a> <section>sec</section><font color=red>f</font></div>
                """)
        #expect(
            converted.html == """
                <div>Hi <b>bold</b> <a href="https://x.example/a?b=1&amp;c=2">link</a> rel \
                <a href="mailto:a@b.no">mail</a> <div>sec</div>f</div>
                """)
    }

    @Test func brokenMarkupStillGivesBalancedOutput() {
        #expect(
            HTMLText(html: "<p>one<p>two<ul><li>a<li>b</ul><b>open").html
                == "<p>one</p><p>two</p><ul><li>a</li><li>b</li></ul><b>open</b>")
        // A stray </p> is an empty paragraph, as in HTML5 (HTMLTextFuzzRegressionTests).
        #expect(HTMLText(html: "a</b></p>b<").html == "a<p></p>b&lt;")
        #expect(HTMLText(html: "x<a href=\"https://e\" unfinished").html == "x")
        #expect(HTMLText(html: "x<!-- never closed <script>").text == "x")
        #expect(HTMLText(html: "1 < 2 & 3 > 2").text == "1 < 2 & 3 > 2")
        #expect(HTMLText(html: "1 < 2 & 3 > 2").html == "1 &lt; 2 &amp; 3 &gt; 2")
    }

    @Test func deepNestingDoesNotOverflowTheStack() {
        let depth = 100_000
        let converted = HTMLText(html: String(repeating: "<div>", count: depth) + "x")
        #expect(converted.text == "x")
        #expect(converted.html.hasSuffix(String(repeating: "</div>", count: 3)))
    }

    @Test func titlesCollapseToOneLine() {
        #expect(HTMLText.singleLine(html: "<b>Driftsvarsel</b>\n  13.11.2023<br>LØST") == "Driftsvarsel 13.11.2023 LØST")
    }
}

/// Inputs the fuzzer (scripts/fuzz.sh, FuzzHTMLConverter) found where the sanitized HTML read
/// differently from the plain text of the same entry.
struct HTMLTextFuzzRegressionTests {
    @Test func aStrayParagraphEndBreaksTheSanitizedHTMLAsItBreaksTheText() {
        let converted = HTMLText(html: "feilsøking pågår</p>ktur oppleves")
        #expect(converted.text == "feilsøking pågår\n\nktur oppleves")
        #expect(converted.html == "feilsøking pågår<p></p>ktur oppleves")
        #expect(HTMLText(html: converted.html).text == converted.text)
    }

    @Test func aFormFeedOrVerticalTabSeparatesWordsInTheSanitizedHTMLAsInTheText() {
        let converted = HTMLText(html: "a\u{0C}b\u{0B}c")
        #expect(converted.text == "a b c")
        #expect(converted.html == "a b c")
    }
}
