import Foundation
import History

/// A time as a page shows it: Europe/Oslo with the offset printed (`2024-01-22 16:30 +01:00`),
/// inside `<time datetime="…">` carrying the RFC 3339 form for machines.
enum TimeView {
    static func view(_ date: Date) -> [String: Any] {
        let iso = OutputDate.iso(date)
        return ["iso": iso, "text": text(iso: iso)]
    }

    /// A missing time is `false`, not absent: an absent key would make Mustache look it up in
    /// the enclosing contexts (another row's time, say).
    static func view(_ date: Date?) -> Any { date.map(view) ?? false }

    static func text(_ date: Date) -> String { text(iso: OutputDate.iso(date)) }

    /// "2024-01-22T16:30:00+01:00" -> "2024-01-22 16:30 +01:00"
    static func text(iso: String) -> String {
        let chars = Array(iso)
        guard chars.count >= 25 else { return iso }
        return String(chars[0..<10]) + " " + String(chars[11..<16]) + " " + String(chars[19...])
    }
}
