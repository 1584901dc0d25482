import Foundation
import VarselModel

/// Dates as a Norwegian reader expects them, in Oslo time whatever the host's zone:
/// "torsdag 16. november 2023 kl. 18.00". Formatted by hand from calendar components (a
/// `DateFormatter` per call would cost more than the rest of an alert), with one
/// `Calendar` for Europe/Oslo built when the composer is.
struct NorwegianTime: Sendable {
    private let calendar: Calendar
    private let zone: TimeZone

    private static let weekdays = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"]
    private static let months = [
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
        "desember",
    ]
    private static let englishDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Falls back to UTC only if the system has no tz database (then every time says so).
    init() {
        let zone = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 0)!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
        self.zone = zone
    }

    struct Parts {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int
    }

    func parts(_ date: Date) -> Parts {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        return Parts(
            year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1, hour: c.hour ?? 0, minute: c.minute ?? 0,
            second: c.second ?? 0, weekday: c.weekday ?? 1)
    }

    /// "torsdag 16. november 2023"
    func longDay(_ p: Parts) -> String {
        "\(Self.weekdays[(p.weekday - 1) % 7]) \(p.day). \(Self.months[p.month - 1]) \(p.year)"
    }

    /// "18.00"
    func clock(_ p: Parts) -> String { "\(two(p.hour)).\(two(p.minute))" }

    /// "torsdag 16. november 2023 kl. 18.00"
    func long(_ date: Date) -> String {
        let p = parts(date)
        return "\(longDay(p)) kl. \(clock(p))"
    }

    /// "torsdag 16. november 2023 kl. 18.00–22.00"; across midnight both ends are written out;
    /// without an end, "torsdag 16. november 2023 fra kl. 18.00".
    func window(_ window: MaintenanceWindow) -> String {
        let s = parts(window.start)
        guard let endDate = window.end else { return "\(longDay(s)) fra kl. \(clock(s))" }
        let e = parts(endDate)
        if sameDay(s, e) { return "\(longDay(s)) kl. \(clock(s))–\(clock(e))" }
        return "\(longDay(s)) kl. \(clock(s)) – \(longDay(e)) kl. \(clock(e))"
    }

    /// "16.11.2023 kl. 18.00–22.00", for subjects.
    func shortWindow(_ window: MaintenanceWindow) -> String {
        let s = parts(window.start)
        let day = "\(s.day).\(s.month).\(s.year)"
        guard let endDate = window.end else { return "\(day) fra kl. \(clock(s))" }
        let e = parts(endDate)
        if sameDay(s, e) { return "\(day) kl. \(clock(s))–\(clock(e))" }
        return "\(day) kl. \(clock(s)) – \(e.day).\(e.month).\(e.year) kl. \(clock(e))"
    }

    /// RFC 5322 date-time in Oslo time: "Thu, 16 Nov 2023 18:00:00 +0100".
    func rfc5322(_ date: Date) -> String {
        let p = parts(date)
        let offset = zone.secondsFromGMT(for: date) / 60
        let sign = offset < 0 ? "-" : "+"
        let abs = Swift.abs(offset)
        return "\(Self.englishDays[(p.weekday - 1) % 7]), \(p.day) \(Self.englishMonths[p.month - 1]) \(p.year) "
            + "\(two(p.hour)):\(two(p.minute)):\(two(p.second)) \(sign)\(two(abs / 60))\(two(abs % 60))"
    }

    private func sameDay(_ a: Parts, _ b: Parts) -> Bool { a.year == b.year && a.month == b.month && a.day == b.day }
    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
