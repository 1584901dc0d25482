import Foundation

/// Reads the update times a Statuspage history feed prints: `"Nov 14, 14:07 PST"`,
/// `"Feb  8, 09:00 UTC"`, optionally with a year (`"Dec 29, 2013, 12:20 PST"`), and the same
/// with Norwegian month abbreviations (`"des 29, 12:20 CET"`) as a localised page would print.
///
/// Feeds leave the year out, so it is taken from a reference date (the entry's own date): the
/// year that puts the time nearest to it, so a December update in an entry dated January lands in
/// the year before. Zone abbreviations name the page's zone, not the offset in force: Parse's 2013
/// feed prints "PST" on August times that were really PDT, so "PST" means America/Los_Angeles
/// with its daylight saving. A missing or unknown abbreviation means Europe/Oslo, the zone of the
/// page varselvakt watches.
struct FeedTimestamp: Sendable, Hashable {
    var month: Int
    var day: Int
    var year: Int?
    var hour: Int
    var minute: Int
    var zone: String?

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12, "mai": 5, "okt": 10, "des": 12,
    ]

    private static let zones: [String: String] = [
        "UTC": "UTC", "GMT": "GMT", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
        "MST": "America/Denver", "MDT": "America/Denver", "CST": "America/Chicago", "CDT": "America/Chicago",
        "EST": "America/New_York", "EDT": "America/New_York", "CET": "Europe/Oslo", "CEST": "Europe/Oslo",
        "BST": "Europe/London",
    ]

    /// Parses a whole line or nil: the line must be exactly a timestamp, so body text that merely
    /// starts with a month name is not mistaken for the next update.
    init?(line: Substring) {
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        guard tokens.count >= 3, tokens.count <= 5 else { return nil }
        let monthWord = tokens[0].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard let month = Self.months[monthWord], let day = Int(tokens[1]), (1...31).contains(day) else { return nil }
        var index = 2
        var year: Int?
        if tokens[index].count == 4, let y = Int(tokens[index]) {
            year = y
            index += 1
        }
        guard index < tokens.count else { return nil }
        let clock = tokens[index].split(separator: ":")
        guard clock.count == 2, clock[1].count == 2, let hour = Int(clock[0]), let minute = Int(clock[1]),
            hour < 24, minute < 60
        else { return nil }
        index += 1
        var zone: String?
        if index < tokens.count {
            let word = String(tokens[index])
            guard word.count <= 5, word.allSatisfy({ $0.isLetter && $0.isUppercase }) else { return nil }
            zone = word
            index += 1
        }
        guard index == tokens.count else { return nil }
        self.init(month: month, day: day, year: year, hour: hour, minute: minute, zone: zone)
    }

    init(month: Int, day: Int, year: Int?, hour: Int, minute: Int, zone: String?) {
        self.month = month
        self.day = day
        self.year = year
        self.hour = hour
        self.minute = minute
        self.zone = zone
    }

    var timeZone: TimeZone {
        let oslo = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 0)!
        guard let zone else { return oslo }
        if let id = Self.zones[zone], let known = TimeZone(identifier: id) { return known }
        return TimeZone(abbreviation: zone) ?? oslo
    }

    /// The instant, in the year written or else the one nearest to `reference`.
    func date(near reference: Date) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let years = year.map { [$0] } ?? {
            let y = calendar.component(.year, from: reference)
            return [y - 1, y, y + 1]
        }()
        let candidates = years.compactMap { y in
            calendar.date(from: DateComponents(year: y, month: month, day: day, hour: hour, minute: minute))
        }
        return candidates.min { abs($0.timeIntervalSince(reference)) < abs($1.timeIntervalSince(reference)) }
    }
}
