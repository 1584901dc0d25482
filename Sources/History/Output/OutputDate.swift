public import Foundation
import VarselModel

/// Dates as people in Norway and programs both read them: ISO 8601 in Europe/Oslo time with
/// the offset written out (`2024-01-22T16:30:00+01:00`), so no reader has to guess the zone.
public enum OutputDate {
    public static let zone = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 3600)!

    /// Written by hand from the zone's offset at `date`: a page or an API answer formats a few
    /// hundred dates, and `ISO8601FormatStyle` cost more than the query behind them. Seconds are
    /// truncated, as the format style does; `OutputDateTests` holds the two to the same output.
    public static func iso(_ date: Date) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let local = Int((date.timeIntervalSince1970).rounded(.down)) + offset
        var days = local / 86_400
        var rest = local % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (year, month, day) = CivilDate.date(daysSince1970: days)
        guard (0...9999).contains(year) else {
            return date.formatted(Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: zone))
        }
        let sign = offset < 0 ? "-" : "+"
        let (offsetHours, offsetMinutes) = (abs(offset) / 3600, abs(offset) % 3600 / 60)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(rest / 3600, 2) + ":"
            + pad(rest % 3600 / 60, 2) + ":" + pad(rest % 60, 2) + sign + pad(offsetHours, 2) + ":" + pad(offsetMinutes, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Shorter form for tables: `2024-01-22 16:30`.
    public static func short(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
