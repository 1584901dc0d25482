public import Foundation

/// Dates as people in Norway and programs both read them: ISO 8601 in Europe/Oslo time with
/// the offset written out (`2024-01-22T16:30:00+01:00`), so no reader has to guess the zone.
public enum OutputDate {
    public static let zone = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 3600)!

    public static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: zone))
    }

    /// Shorter form for tables: `2024-01-22 16:30`.
    public static func short(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
