import Foundation

/// "16.09.2024 kl. 23:31": how an update's time is shown, always in Europe/Oslo whatever the
/// host's zone or the page's zone, because every reader of varselvakt's alerts is in Norway.
/// Formatted by hand from calendar components (no locale data involved, so the output is the
/// same on every machine).
struct OsloTime: Sendable {
    private let calendar: Calendar

    /// Falls back to UTC only if the system has no tz database.
    init() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 0)!
        self.calendar = calendar
    }

    func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(two(c.day)).\(two(c.month)).\(c.year ?? 1970) kl. \(two(c.hour)):\(two(c.minute))"
    }
}
