import Foundation

/// Turning a captured element's bytes (in `buffer`) into the draft's values.
extension FeedExtractor {
    mutating func deliver(_ field: FeedField, _ markup: TextMarkup) {
        switch field {
        case .feedTitle:
            feedTitle = singleLine(markup)
        case .title:
            let title = singleLine(markup).nonEmpty
            draft?.title = title
        case .id:
            let id = singleLine(.text).nonEmpty
            draft?.id = id
        case .link:
            let link = singleLine(.text).nonEmpty
            if draft?.link == nil { draft?.link = link }
        case .category:
            if let term = singleLine(.text).nonEmpty { draft?.categories.append(term) }
        case .published:
            let date = date()
            draft?.published = date
        case .updated:
            let date = date()
            draft?.updated = date
        case .dcDate:
            let date = date()
            draft?.dcDate = date
        case .summary:
            let text = body(markup, wantHTML: false).text
            draft?.summaryText = text
        case .content:
            let content = body(markup, wantHTML: true)
            draft?.content = content
        case .description:
            let description = body(.html, wantHTML: true)
            draft?.description = description
        case .encoded:
            let encoded = body(.html, wantHTML: true)
            draft?.encoded = encoded
        }
    }

    /// Title-like text: markup interpreted per `markup`, all whitespace collapsed to one line.
    private mutating func singleLine(_ markup: TextMarkup) -> String {
        if markup == .text {
            plain.reset(singleLine: true)
            plain.append(buffer.bytes)
            return plain.string
        }
        converter.convert(buffer.bytes, singleLine: true, wantHTML: false)
        return converter.text.string
    }

    /// Body text: HTML is converted to text + sanitized HTML; plain text keeps its line structure
    /// (a newline is a line break, a blank line a paragraph break) and its HTML is the escaped text.
    private mutating func body(_ markup: TextMarkup, wantHTML: Bool) -> (text: String, html: String) {
        if markup == .text {
            plain.reset(singleLine: false)
            appendLines(buffer.bytes)
            let text = plain.string
            return (text, wantHTML ? Self.escapedParagraphs(text) : "")
        }
        converter.convert(buffer.bytes, singleLine: false, wantHTML: wantHTML)
        return (converter.text.string, wantHTML ? converter.html.string : "")
    }

    private mutating func appendLines(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var lineStart = 0
        var newlines = 0
        var blank = true
        for index in 0...bytes.count {
            let atEnd = index == bytes.count
            if atEnd || base[index] == 0x0A {
                if blank {
                    newlines += 1
                } else {
                    if newlines >= 2 { plain.paragraphBreak() } else if newlines == 1 { plain.lineBreak() }
                    plain.append(UnsafeBufferPointer(start: base + lineStart, count: index - lineStart))
                    newlines = 1
                }
                lineStart = index + 1
                blank = true
            } else if base[index] > 0x20 {
                blank = false
            }
        }
    }

    /// `text` as HTML: each paragraph a `<p>`, line breaks `<br>`, everything escaped.
    static func escapedParagraphs(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var html = ""
        for paragraph in text.split(separator: "\n\n", omittingEmptySubsequences: true) {
            var escaped = ""
            for scalar in paragraph.unicodeScalars {
                switch scalar {
                case "&": escaped += "&amp;"
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                case "\n": escaped += "<br>"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            html += "<p>" + escaped + "</p>"
        }
        return html
    }

    private func date() -> Date? {
        FeedDate.parse(buffer.bytes)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
