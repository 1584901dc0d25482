import Foundation
import History
import VarselModel

/// Writes HTML for the long row tables, where Mustache's dynamic lookups were most of a page's
/// time. Markup can only be a `StaticString` (written in this source, never from data), and
/// every other value goes through `text`, which escapes it with `htmlEscaped`, the templates' own
/// escaper. So, as in the templates, nothing stored reaches the page unescaped; the template
/// inserts the finished rows with `{{{rows}}}`.
struct HTMLBuilder {
    private(set) var html = ""

    init(capacity: Int = 0) { html.reserveCapacity(capacity) }

    /// Markup written in the source.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { html += String(decoding: $0, as: UTF8.self) }
    }

    /// Any value: escaped.
    mutating func text(_ value: String) { html += htmlEscaped(value) }

    /// `<time datetime="RFC 3339">Oslo time</time>`, or an en dash for no time.
    mutating func time(_ date: Date?) {
        guard let date else { return raw("–") }
        let iso = OutputDate.iso(date)
        raw("<time datetime=\"")
        text(iso)
        raw("\">")
        text(TimeView.text(iso: iso))
        raw("</time>")
    }

    /// `<option>` elements for a long select (every API, every subscriber): as a Mustache
    /// section, the catalog's hundred APIs were a seventh of the notices page's time.
    static func options(_ items: [(value: String, label: String, selected: Bool)]) -> String {
        var out = HTMLBuilder(capacity: items.count * 60)
        for item in items {
            out.raw("<option value=\"")
            out.text(item.value)
            out.raw(item.selected ? "\" selected>" : "\">")
            out.text(item.label)
            out.raw("</option>")
        }
        return out.html
    }
}
