import Foundation
import VarselModel

/// One update as varselvakt shows it, whatever source it was read from.
struct ShownUpdate: Sendable, Hashable {
    /// The raw status word or feed label ("in_progress", "In progress").
    var status: String
    var at: Date?
    /// Plain text, normalised by `UpdateText.normalise`.
    var body: String
}

/// Renders an incident's updates as the entry's `contentText` and `contentHTML`, one paragraph
/// per update, newest first: `Løst (16.09.2024 kl. 00:08 norsk tid) - body`.
///
/// The JSON adapter and the history-feed adapter both go through here, so one incident read from
/// either source hashes to the same text and the differ does not see a change that is not there.
enum UpdateText {
    private static let time = OsloTime()

    /// Bodies are untrusted plain text. Whitespace inside a line collapses and blank lines go,
    /// as they do when FeedParse reads the same body from a history feed (`<br />` per newline,
    /// consecutive breaks collapsed), so both sources give the same text.
    static func normalise(_ body: String) -> String {
        body.split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    static func heading(_ update: ShownUpdate) -> (label: String, time: String?) {
        (UpdateStatus.label(for: update.status), update.at.map { "\(time.format($0)) norsk tid" })
    }

    static func plain(_ updates: [ShownUpdate]) -> String {
        updates.map { update in
            let (label, time) = heading(update)
            var line = time.map { "\(label) (\($0))" } ?? label
            if !update.body.isEmpty { line += " - " + update.body }
            return line
        }.joined(separator: "\n\n")
    }

    /// Every piece of text is escaped; the only markup is the fixed `<p>`, `<strong>`, `<br>`.
    static func html(_ updates: [ShownUpdate]) -> String {
        updates.map { update in
            let (label, time) = heading(update)
            var out = "<p><strong>\(htmlEscaped(label))</strong>"
            if let time { out += " (\(htmlEscaped(time)))" }
            if !update.body.isEmpty {
                out += " - " + update.body.split(separator: "\n").map { htmlEscaped(String($0)) }.joined(separator: "<br>")
            }
            return out + "</p>"
        }.joined()
    }
}
