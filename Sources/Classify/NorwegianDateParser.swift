public import Foundation
public import VarselModel

/// Reads a maintenance window from Norwegian notice text, in Europe/Oslo time.
///
/// Why our own: no library reads "torsdag 16.november kl. 18.00 til kl. 22.00". Pure: the
/// calendar and time zone are values; nothing reads the clock (the notice's publication date
/// stands in for "now").
///
/// Rules (each one a decision, tested in NorwegianDateParserTests):
/// * Texts are read in the order given (title, summary, content); within a text every day and
///   time is found (`DateScanner`), and each time belongs to the nearest day in the same text.
/// * A day without a year is that day in the year before, of, or after `published`, whichever is
///   nearest to `published` (published 2023-12-13, "5. januar" → 2024; published 2024-01-03,
///   "13.12" → 2023). Without `published` such a day cannot be placed and is skipped.
/// * The chosen day is the first one that has not ended by `published` and is either timed or
///   not the publication day itself (titles like "Driftsmelding - 04.10.2023" label the post
///   date; the window is "torsdag 05.10.2023 ... kl. 18:00 og kl. 19.00" in the text). Days already
///   over are references ("Viser til meldt driftsvarsel 13.12.23") and are skipped. Fallbacks:
///   the first day not yet over, then the first day at all.
/// * A chosen day without a time borrows the time of the same day mentioned elsewhere
///   (title "Varsel om vedlikehold torsdag 15. juni 2023", summary "15.juni ... fra kl. 18.00 til
///   kl. 19.00"), else a time mentioned in a text that names no day at all.
/// * A day (or day range) without any time is the whole day: start 00:00, end 00:00 the day after
///   the last day. Ranges of days are inclusive ("til og med", "3. eller 4. juni").
/// * A start time without an end gives `end == nil`: we do not guess how long downtime lasts.
///   An end at or before the start on the same day means the next day ("22:00 - 02:00"); "24:00"
///   is midnight ending the day.
/// * Only times, no day anywhere: the times are on the publication day ("i kveld").
/// Returns nil when nothing can be read; the caller records the text it tried.
public struct NorwegianDateParser: Sendable {
    private let calendar: Calendar
    private let words = DateWords()

    /// Uses the Gregorian calendar in Europe/Oslo. If the system has no tz database, falls back
    /// to a fixed UTC+1 (wrong by an hour in summer; better than no window).
    public init() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 3600) ?? .current
        self.calendar = calendar
    }

    /// The window the texts announce, or nil if they give no readable day or time.
    public func window(in texts: [String], published: Date?) -> MaintenanceWindow? {
        let mentions = texts.map { DateScanner.mentions(in: $0, words: words) }
        guard mentions.contains(where: { !$0.isEmpty }) else { return nil }
        // Calendar calls are the expensive part: the publication day is computed once.
        let publishedDay = published.flatMap(civilDay(of:))
        var candidates: [Candidate] = []
        var floating: [TimeSpan] = []
        for mentions in mentions {
            let (days, times) = daysAndTimes(in: mentions, published: published, publishedDay: publishedDay)
            candidates += days
            floating += times
        }
        guard !candidates.isEmpty else {
            guard let time = floating.first, let published, let day = publishedDay else { return nil }
            return window(of: Candidate(first: day, last: day, time: time), published: published, publishedDay: publishedDay)
        }
        // The first candidate not yet over, and the first one that is also informative. Candidates
        // after the informative one cannot change the choice, so their windows are not computed.
        var windows = [MaintenanceWindow??](repeating: nil, count: candidates.count)
        var firstNotOver: Int?
        var informative: Int?
        for (index, candidate) in candidates.enumerated() {
            if let published {
                let window = window(of: candidate, published: published, publishedDay: publishedDay)
                windows[index] = .some(window)
                if let window, !((window.end ?? window.start) > published) { continue }
            }
            firstNotOver = firstNotOver ?? index
            if candidate.time != nil || candidate.first != candidate.last || candidate.first != publishedDay {
                informative = index
                break
            }
        }
        let chosenIndex = informative ?? firstNotOver ?? 0
        var chosen = candidates[chosenIndex]
        if chosen.time == nil && chosen.first == chosen.last {
            chosen.time = candidates.first { $0.first == chosen.first && $0.time != nil }?.time ?? floating.first
            if chosen.time != nil { windows[chosenIndex] = nil }
        }
        if let window = windows[chosenIndex] { return window }
        return window(of: chosen, published: published, publishedDay: publishedDay)
    }

    // MARK: Internals

    /// A day as the calendar knows it (year resolved).
    struct CivilDay: Hashable, Sendable {
        var year: Int
        var month: Int
        var day: Int
    }

    struct TimeSpan: Sendable {
        var start: ClockTime
        var end: ClockTime?
        var endDay: DayRef?
    }

    struct Candidate: Sendable {
        var first: CivilDay
        var last: CivilDay
        var time: TimeSpan?
    }

    /// Days of one text with their nearest times, and the times of a text that has no days.
    private func daysAndTimes(in mentions: [DateMention], published: Date?, publishedDay: CivilDay?) -> ([Candidate], [TimeSpan])
    {
        var days: [(mention: DateMention, candidate: Candidate)] = []
        var times: [(tokens: Range<Int>, span: TimeSpan)] = []
        for mention in mentions {
            switch mention {
            case .days(let first, let last, _):
                guard let start = resolve(first, published: published, publishedDay: publishedDay),
                    let end = resolve(last, published: published, publishedDay: publishedDay)
                else { continue }
                days.append((mention, Candidate(first: start, last: end, time: nil)))
            case .time(let start, let end, let endDay, let tokens):
                times.append((tokens, TimeSpan(start: start, end: end, endDay: endDay)))
            }
        }
        guard !days.isEmpty else { return ([], times.map(\.span)) }
        for time in times {
            let nearest = days.indices.min {
                distance(time.tokens, days[$0].mention.tokens) < distance(time.tokens, days[$1].mention.tokens)
            }!
            if days[nearest].candidate.time == nil { days[nearest].candidate.time = time.span }
        }
        return (days.map(\.candidate), [])
    }

    /// Token distance between two spans; a day before the time wins a tie (ties compare equal and
    /// `min` keeps the first, which is the earlier day).
    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.lowerBound >= b.upperBound ? a.lowerBound - b.upperBound : max(0, b.lowerBound - a.upperBound)
    }

    private func resolve(_ day: DayRef, published: Date?, publishedDay: CivilDay?) -> CivilDay? {
        if let year = day.year { return CivilDay(year: year, month: day.month, day: day.day) }
        guard let published, let publishedDay else { return nil }
        if let year = CivilDay.nearestYear(day, to: published, publishedYear: publishedDay.year) {
            return CivilDay(year: year, month: day.month, day: day.day)
        }
        let options = (publishedDay.year - 1...publishedDay.year + 1).compactMap { year -> (CivilDay, TimeInterval)? in
            let candidate = CivilDay(year: year, month: day.month, day: day.day)
            guard let midnight = midnight(candidate) else { return nil }
            return (candidate, abs(midnight.timeIntervalSince(published)))
        }
        return options.min { $0.1 < $1.1 }?.0
    }

    private func window(of candidate: Candidate, published: Date?, publishedDay: CivilDay?) -> MaintenanceWindow? {
        guard let time = candidate.time else {
            guard let start = midnight(candidate.first), let end = midnight(candidate.last).flatMap(nextDay) else { return nil }
            return MaintenanceWindow(start: start, end: end)
        }
        guard let start = instant(candidate.first, time.start) else { return nil }
        guard let endTime = time.end else { return MaintenanceWindow(start: start, end: nil) }
        let endDay = time.endDay.flatMap { resolve($0, published: published, publishedDay: publishedDay) }
        guard var end = instant(endDay ?? candidate.first, endTime) else { return MaintenanceWindow(start: start, end: nil) }
        if end <= start && endDay == nil, let later = nextDay(end) { end = later }
        return MaintenanceWindow(start: start, end: end > start ? end : nil)
    }

    private func civilDay(of date: Date) -> CivilDay? {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CivilDay(year: year, month: month, day: day)
    }

    private func midnight(_ day: CivilDay) -> Date? {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 0, minute: 0))
    }

    private func nextDay(_ date: Date) -> Date? {
        calendar.date(byAdding: .day, value: 1, to: date)
    }

    private func instant(_ day: CivilDay, _ time: ClockTime) -> Date? {
        if time.hour == 24 { return midnight(day).flatMap(nextDay) }
        return calendar.date(
            from: DateComponents(year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute))
    }
}

extension NorwegianDateParser.CivilDay {
    /// The year (one before, of, or after `publishedYear`) whose `day` at local midnight is nearest
    /// to `published`, found without the calendar, or nil when that is not clear by a wide margin.
    ///
    /// Why it is exact: midnight in any time zone (UTC-12...UTC+14) lies within 14 hours of UTC
    /// midnight, so when the best guess beats the next by more than two days, the calendar's
    /// answer is the same. Close calls, 29 February (rolls over in common years) and years near
    /// the Julian/Gregorian switch go to the calendar.
    static func nearestYear(_ day: DayRef, to published: Date, publishedYear: Int) -> Int? {
        guard (1700...9000).contains(publishedYear), !(day.month == 2 && day.day == 29) else { return nil }
        let now = published.timeIntervalSince1970
        var best: (year: Int, distance: Double)?
        var runnerUp = Double.infinity
        for year in publishedYear - 1...publishedYear + 1 {
            let midnight = Double(daysSince1970(year: year, month: day.month, day: day.day)) * 86_400
            let distance = abs(midnight - now)
            if let current = best, current.distance <= distance {
                runnerUp = min(runnerUp, distance)
            } else {
                runnerUp = min(runnerUp, best?.distance ?? .infinity)
                best = (year, distance)
            }
        }
        guard let best, runnerUp - best.distance > 2 * 86_400 else { return nil }
        return best.year
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        CivilDate.daysSince1970(year: year, month: month, day: day)
    }
}
