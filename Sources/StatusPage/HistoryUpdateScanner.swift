import Foundation
import VarselModel

/// Splits the plain text FeedParse makes of a Statuspage history entry back into updates.
///
/// Statuspage writes each update as `<p><small>Nov 14, 14:07 PST</small><br><strong>Resolved</strong>
/// - body</p>`; FeedParse drops `<small>` and `<var>` (keeping their text), keeps `<strong>`, and
/// turns `<br>` into a line break and `</p>` into a blank line, so the text reads
/// `Nov 14, 14:07 PST\nResolved - body\n\nNov 14, 13:51 PST\nMonitoring - ...`. An update starts
/// where a line is exactly a timestamp and the next line starts with a known label; everything up
/// to the next such pair is its body (a postmortem's body has line breaks of its own).
struct HistoryUpdateScanner {
    /// The updates in the order the feed prints them (newest first).
    var updates: [ShownUpdate] = []
    /// The maintenance window, when the entry states one (`ScheduledEventLine`).
    var window: MaintenanceWindow?

    /// nil when the text is not made of Statuspage updates (a plain blog entry, an empty text),
    /// or when a time cannot be placed in a year.
    init?(text: String, reference: Date) {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { Substring($0) }
        var index = 0
        if index < lines.count, ScheduledEventLine.isScheduledEvent(lines[index]) {
            window = ScheduledEventLine.window(lines[index], near: reference)
            index += 1
        }
        var current: (status: String, at: Date, body: [Substring])?
        while index < lines.count {
            if let stamp = FeedTimestamp(line: lines[index]), index + 1 < lines.count,
                let (label, firstBody) = Self.labelLine(lines[index + 1])
            {
                if let done = current { updates.append(Self.shown(done)) }
                guard let at = stamp.date(near: reference) else { return nil }
                current = (label, at, firstBody.isEmpty ? [] : [firstBody])
                index += 2
                continue
            }
            // Text before the first update means this is not a Statuspage entry.
            guard current != nil else { return nil }
            current?.body.append(lines[index])
            index += 1
        }
        guard let last = current else { return nil }
        updates.append(Self.shown(last))
    }

    private static func shown(_ raw: (status: String, at: Date, body: [Substring])) -> ShownUpdate {
        ShownUpdate(status: raw.status, at: raw.at, body: UpdateText.normalise(raw.body.joined(separator: "\n")))
    }

    /// `"Resolved - body"`, `"In progress - body"` or just `"Resolved"`: the label (as written) and
    /// the start of the body, when the label is one Statuspage uses (English or Norwegian).
    static func labelLine(_ line: Substring) -> (String, Substring)? {
        let label: Substring
        let body: Substring
        if let dash = line.range(of: " - ") {
            label = line[..<dash.lowerBound]
            body = line[dash.upperBound...]
        } else if line.hasSuffix(" -") {
            label = line.dropLast(2)
            body = ""
        } else {
            label = line
            body = ""
        }
        guard UpdateStatus(word: String(label)) != nil else { return nil }
        return (String(label), body)
    }
}
