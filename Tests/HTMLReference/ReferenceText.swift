/// The plain text libxml2's HTML parser reads from a fragment, and the whitespace-insensitive form
/// in which it is compared with the converter's text (`FeedParse.HTMLText.text`).
///
/// The comparison is defined so that both sides can only differ in what they *read*, not in how
/// they lay it out:
/// - Layout is ignored: the converter writes "\n" / "\n\n" between blocks and a space between
///   table cells; here every element HTML renders as a block (and `br`, `li`, cells) becomes one
///   separator, and on both sides every whitespace run (ASCII, NBSP, U+2000–U+200A, U+3000 ...)
///   becomes one space, trimmed at both ends.
/// - What is not text on either side: comments, and the content of the elements the converter
///   documents as dropped (`script`, `style`, `iframe`, `object`, `embed`, `template`, `noscript`,
///   `form`, `svg`, `math`, `textarea`, `select`, `title`, `head`, `noembed`, `noframes`, `xmp`,
///   `plaintext`, `applet`); zero-width characters (U+200B, U+2060, U+FEFF) and control
///   characters are dropped on both sides, as the converter documents.
public enum ReferenceText {
    /// Elements whose content is not text (the converter's documented drop list).
    public static let droppedElements: Set<String> = [
        "script", "style", "iframe", "object", "embed", "template", "noscript", "form", "svg", "math",
        "textarea", "select", "title", "head", "noembed", "noframes", "xmp", "plaintext", "applet",
    ]

    /// Elements that HTML renders on their own line(s), so text on either side of them is never
    /// run together (HTML's block-level elements, plus `br` and table cells).
    public static let separatingElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
    ]

    /// libxml2's text of `html`, normalised (see the type's rules).
    public static func of(html: String) -> String { reading(html: html).text }

    /// libxml2's normalised text of `html`, and whether libxml2 read it without an error.
    public static func reading(html: String) -> (text: String, isClean: Bool) {
        var raw = ""
        var droppedDepth = 0
        let outcome = LibXML2HTML.walk(html) { event in
            switch event {
            case .open(let name, _):
                if droppedElements.contains(name) { droppedDepth += 1 }
                if droppedDepth == 0, separatingElements.contains(name) { raw += " " }
            case .close(let name):
                if droppedElements.contains(name) { droppedDepth -= 1 }
                if droppedDepth == 0, separatingElements.contains(name) { raw += " " }
            case .text(let text):
                if droppedDepth == 0 { raw += text }
            }
        }
        return (normalised(raw), outcome != .recovered)
    }

    /// `text` with every whitespace run turned into one space, zero-width and control characters
    /// dropped, and no space at either end.
    public static func normalised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x200B || value == 0x2060 || value == 0xFEFF { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if value < 0x20 || (value >= 0x7F && value < 0xA0) { continue }
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }
}
