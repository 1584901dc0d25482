/// The two readings of an HTML fragment that `FeedEntry` stores: normalised plain text (what
/// change detection hashes) and sanitized HTML (what may go into a mail or a page).
///
/// Plain text: block elements (`p`, `div`, `h1`–`h6`, `ul`, `table` ...) separate paragraphs with a
/// blank line, `br`/`li`/`tr` start a new line, table cells are separated by a space; whitespace is
/// collapsed, zero-width spaces dropped, entities decoded; comments and the content of `script`,
/// `style`, `iframe`, `object`, `embed`, `template`, `noscript`, `form`, `svg`, `math`, `textarea`,
/// `select`, `title` and `head` are dropped. So `<h3>X</h3>` and `<p><strong>X</strong></p>` give
/// the same text. `pre` is not special: its whitespace is collapsed too.
///
/// Sanitized HTML: only `p br strong b em i u s sub sup code pre blockquote div hr a ul ol li dl dt
/// dd h1–h6 table thead tbody tfoot tr th td caption` survive, without attributes except `a href`
/// (absolute http/https/mailto only; other links are unwrapped) and `a title`. Other block
/// containers (`section`, `article` ...) become `div`; other tags are unwrapped (text kept);
/// the dropped elements above go with their content. Output is balanced and fully escaped.
public struct HTMLText: Sendable, Hashable {
    public var text: String
    public var html: String

    /// Converts one fragment. Never fails: broken markup is read the forgiving way HTML is.
    public init(html source: String) {
        var converter = HTMLConverter()
        var source = source
        source.withUTF8 { converter.convert($0, singleLine: false, wantHTML: true) }
        text = converter.text.string
        html = converter.html.string
    }

    /// Plain text of `source` on one line (for titles with markup).
    public static func singleLine(html source: String) -> String {
        var converter = HTMLConverter()
        var source = source
        source.withUTF8 { converter.convert($0, singleLine: true, wantHTML: false) }
        return converter.text.string
    }
}
