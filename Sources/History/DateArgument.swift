public import Foundation

/// Reads a `--since` value: a date (`2024-01-22`, midnight in Europe/Oslo), a full ISO 8601
/// timestamp, or an age (`7d`, `24h`, `30m`) counted back from `now`.
public enum DateArgument {
    public static func parse(_ text: String, now: Date) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = parseDuration(trimmed) { return now.addingTimeInterval(-seconds) }
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        let parts = trimmed.split(separator: "-").compactMap { Int($0) }
        if parts.count == 3, trimmed.count == 10 {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = OutputDate.zone
            return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        }
        return nil
    }

    /// An age or length: `30m`, `24h`, `7d`, `2w`, in seconds; nil if it is not one.
    public static func parseDuration(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let unit = trimmed.last, let amount = Double(trimmed.dropLast()), amount >= 0 else { return nil }
        return switch unit {
        case "d": amount * 86_400
        case "h": amount * 3_600
        case "m": amount * 60
        case "w": amount * 7 * 86_400
        default: nil
        }
    }
}
