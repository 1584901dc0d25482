import FeedParse
import HTMLReference
import Testing

/// The hand-written HTML converter (`HTMLText`) against libxml2's HTML parser, on every entry
/// HTML in the real fixtures and on hostile hand-written markup:
/// (a) the sanitized HTML, parsed again by libxml2, holds nothing outside the documented
///     allow-list and no `javascript:`/`data:` URL (`SanitizedHTMLAudit`);
/// (b) the plain text equals libxml2's text once layout is set aside (`ReferenceText` defines the
///     comparison: whitespace runs are one space on both sides, dropped elements excluded).
/// Where the two read a real fixture differently, libxml2 is taken to be right.
struct HTMLConverterDifferentialTests {
    static let hostile: [String] = [
        "<p>a<script>alert(1)</script>b</p>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>text",
        "<img src=x onerror=alert(1)>after",
        "<a href=\"javascript:alert(1)\">j</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">J</a>",
        "<a href=\"&#106;avascript:alert(1)\">e</a>",
        "<a href=\"&#x6A;&#x61;vascript:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">tab</a>",
        "<a href=\" \u{1}javascript:alert(1)\">ctl</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">d</a>",
        "<a href='vbscript:msgbox(1)'>v</a>",
        "<a href=\"https://ok.example/?a=1&amp;b=2\" title='t\"x' onclick=\"x()\">ok</a>",
        "<div style=\"background:url(javascript:alert(1))\" class=c>styled</div>",
        "<p>unclosed <b>bold <i>both",
        "<ul><li>one<li>two</ul><p>after",
        "before<!-- <script>alert(1)</script> -->after",
        "<table><tr><td>a<table><tr><td>b</td></tr></table>c</td></tr></table>",
        "<iframe src=\"https://evil.example\">inner</iframe>out",
        "<svg><script>alert(1)</script></svg>after",
        "<form action=x><input name=a value=b><button>go</button></form>tail",
        "<style>p{color:red}</style><p>styled</p>",
        "<object data=x><embed src=y></object>z",
        "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &quot;q&quot; &eacute;&nbsp;&#8211;</p>",
        "<h1>Title</h1><blockquote>quote</blockquote><pre>  pre  </pre>",
        "<math><mi>x</mi></math>text",
        "<a href=\"https://a.example\"><a href=\"https://b.example\">nested</a></a>",
    ]

    @Test func theFixturesHoldEntryHTMLToCompare() {
        // Guards the tests below against passing on nothing (a moved fixture directory).
        #expect(FixtureEntryHTML.all.count > 500)
    }

    @Test func everyFixtureEntryIsSanitizedToTheAllowList() {
        for fragment in FixtureEntryHTML.all {
            let problems = SanitizedHTMLAudit.violations(in: HTMLText(html: fragment.html).html)
            #expect(problems.isEmpty, "\(fragment.origin): \(problems)")
        }
    }

    @Test func everyFixtureEntryReadsAsLibxml2ReadsIt() {
        for fragment in FixtureEntryHTML.all {
            let converted = ReferenceText.normalised(HTMLText(html: fragment.html).text)
            #expect(converted == ReferenceText.of(html: fragment.html), "\(fragment.origin)")
        }
    }

    @Test(arguments: hostile)
    func hostileMarkupIsSanitizedToTheAllowList(_ html: String) {
        let converted = HTMLText(html: html)
        #expect(SanitizedHTMLAudit.violations(in: converted.html) == [], "\(converted.html)")
        #expect(!converted.text.contains("alert"))
    }

    /// The one hostile case where the two parsers disagree and libxml2 is not taken as right:
    /// in HTML content `<![CDATA[` opens a bogus comment that ends at the first `>` (HTML5, and
    /// what browsers show), while libxml2's HTML 4 parser keeps the markers as text and reads
    /// the `<script>` inside as a script. The converter follows the browsers; either way nothing
    /// executable reaches the sanitized HTML.
    @Test func aCDATASectionInEntryHTMLIsABogusCommentAsInBrowsers() {
        let html = "x<![CDATA[<script>alert(1)</script>]]>y"
        let converted = HTMLText(html: html)
        #expect(converted.text == "xalert(1)]]>y")
        #expect(converted.html == "xalert(1)]]&gt;y")
        #expect(SanitizedHTMLAudit.violations(in: converted.html) == [])
        #expect(ReferenceText.of(html: html) == "x<![CDATA[]]>y")
    }

    /// Three more places found by fuzzing (FuzzHTMLAgainstLibXML2) where libxml2 2.9.14, without
    /// reporting an error, reads text differently from browsers; the converter follows HTML5.
    @Test(arguments: [
        // A `<` that starts no tag is text; libxml2 drops a run of them.
        ("<<<<<<", "<<<<<<", ""),
        // `</` + a non-letter opens a bogus comment up to `>`; libxml2 shows the rest as text.
        ("avklaring.</\np> slutt", "avklaring. slutt", "avklaring. p> slutt"),
        // So does `<!` + anything but `--` (HTML5's bogus comment); libxml2 shows it.
        ("55555555<!5555555555555555", "55555555", "55555555<!5555555555555555"),
    ])
    func wherelibxml2DropsOrKeepsTextUnlikeBrowsersTheConverterFollowsHTML5(
        _ html: String, _ converter: String, _ libxml2: String
    ) {
        #expect(ReferenceText.normalised(HTMLText(html: html).text) == converter)
        #expect(ReferenceText.of(html: html) == libxml2)
    }

    @Test(arguments: hostile)
    func hostileMarkupReadsAsLibxml2ReadsIt(_ html: String) {
        #expect(ReferenceText.normalised(HTMLText(html: html).text) == ReferenceText.of(html: html))
    }

    /// The oracle is not vacuous: unsanitized hostile markup fails the audit, and libxml2's text
    /// notices a changed word.
    @Test func theAuditRejectsWhatTheAllowListForbids() {
        #expect(SanitizedHTMLAudit.violations(in: "<img src=x onerror=alert(1)>").count == 3)
        #expect(SanitizedHTMLAudit.violations(in: "<a href=\"&#106;avascript:x\">j</a>").count == 2)
        #expect(SanitizedHTMLAudit.violations(in: "<a href=\"data:text/html,x\">d</a>").count == 2)
        #expect(SanitizedHTMLAudit.violations(in: "<a href=\"/relative\">r</a>").count == 1)
        #expect(SanitizedHTMLAudit.violations(in: "<p><a href=\"https://ok.example\" title=\"t\">ok</a></p>") == [])
        #expect(ReferenceText.of(html: "<p>a</p><p>b<script>c</script></p>") == "a b")
        #expect(ReferenceText.of(html: "<p>a</p><p>b</p>") != ReferenceText.of(html: "<p>a</p><p>c</p>"))
    }
}
