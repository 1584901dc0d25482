import Foundation
import VarselModel

/// Reads the window line newer Statuspage history feeds put above a maintenance's updates:
/// `THIS IS A SCHEDULED EVENT Apr 7, 13:00 - 17:00 UTC` (or with an end date,
/// `Mar 16, 14:00 - Mar 17, 02:00 UTC`), as FeedParse renders `<strong>` + `<var>` markup to text.
///
/// Older pages do not print it (saucelabs-history.atom, 2020, only says it in English prose
/// inside the "Scheduled" update); then there is no window, and we do not guess one from prose.
enum ScheduledEventLine {
    static let prefix = "THIS IS A SCHEDULED EVENT"

    static func isScheduledEvent(_ line: Substring) -> Bool {
        line.uppercased().hasPrefix(prefix)
    }

    /// The window, or nil when the line does not read as one.
    static func window(_ line: Substring, near reference: Date) -> MaintenanceWindow? {
        guard isScheduledEvent(line) else { return nil }
        let rest = line.dropFirst(prefix.count)
        let sides = rest.components(separatedBy: " - ")
        guard sides.count == 2 else { return nil }
        let right = Substring(sides[1].trimmingCharacters(in: .whitespaces))
        let leftText = sides[0].trimmingCharacters(in: .whitespaces)
        if let end = FeedTimestamp(line: right) {
            // Both sides carry a date; the zone may be written only once, at the end.
            var startLine = Substring(leftText)
            if FeedTimestamp(line: startLine)?.zone == nil, let zone = end.zone { startLine += " \(zone)" }
            guard let start = FeedTimestamp(line: startLine)?.date(near: reference),
                let endDate = end.date(near: start)
            else { return nil }
            return MaintenanceWindow(start: start, end: endDate)
        }
        // "13:00 - 17:00 UTC": the end is a time on the start's day (or the next, if earlier).
        let zone = right.split(separator: " ").dropFirst().first.map(String.init)
        guard let startStamp = FeedTimestamp(line: Substring(leftText + (zone.map { " \($0)" } ?? ""))),
            let start = startStamp.date(near: reference),
            let endClock = right.split(separator: " ").first
        else { return nil }
        var endStamp = startStamp
        let parts = endClock.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else { return nil }
        endStamp.hour = h
        endStamp.minute = m
        guard var end = endStamp.date(near: start) else { return nil }
        if end <= start { end = end.addingTimeInterval(86_400) }
        return MaintenanceWindow(start: start, end: end)
    }
}
