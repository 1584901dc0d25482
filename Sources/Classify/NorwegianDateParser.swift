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
/// * A day without a year is the first of last year's, this year's and next year's that falls on
///   or after a week before the publication day, when that is at most 240 days ahead; else the
///   nearest (published 2023-12-13, "5. januar" → 2024; published 2025-02-10, "15.09" → 2025;
///   published 2024-01-03, "13.12" → 2023). Without `published` such a day cannot be placed.
/// * "i dag", "i kveld" (with their times; without one, the whole publication day) and "i morgen"
///   are days relative to publication, unless a date follows them ("I kveld, mandag 30.03.2020").
/// * Days after a postponing word ("utsatt", "flyttet", "utsettes") replace the days before it in
///   the same text; a date naming an earlier notice ("se driftsvarsel fra 09.03.2022") is skipped.
/// * `windows` gives every window in text order (repeats removed); `window` is its first.
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

    /// The window the texts announce (the first of `windows(in:published:)`), or nil if they give
    /// no readable day or time.
    public func window(in texts: [String], published: Date?) -> MaintenanceWindow? {
        windows(in: texts, published: published).first
    }

    /// Every window the texts announce, in text order, without repeats: the chosen first window
    /// (see the type's rules), then each later day that is not over at publication and is timed,
    /// a range, or not the publication day itself ("mandag 25.11 etter kl 16:00 ... tirsdag 26.11
    /// etter kl 16:00" gives two). Empty when nothing can be read.
    public func windows(in texts: [String], published: Date?) -> [MaintenanceWindow] {
        let mentions = texts.map { DateScanner.mentions(in: $0, words: words) }
        guard mentions.contains(where: { !$0.isEmpty }) else { return [] }
        // Calendar calls are the expensive part: the publication day is computed once.
        let publishedDay = published.flatMap(civilDay(of:))
        var candidates: [Candidate] = []
        var floating: [TimeSpan] = []
        for mentions in mentions {
            let (days, times) = daysAndTimes(in: mentions, publishedDay: publishedDay)
            candidates += days
            floating += times
        }
        guard !candidates.isEmpty else {
            guard published != nil, let day = publishedDay else { return [] }
            var found: [MaintenanceWindow] = []
            for time in floating {
                if let window = window(of: Candidate(first: day, last: day, time: time), publishedDay: publishedDay),
                    !found.contains(window)
                {
                    found.append(window)
                }
            }
            return found
        }
        // A day without a time takes the time given for the same day elsewhere (title "mandag
        // 25.11.2019", text "25.11.2019 etter kl 16:00").
        for index in candidates.indices where candidates[index].time == nil && candidates[index].first == candidates[index].last {
            candidates[index].time = candidates.first { $0.first == candidates[index].first && $0.time != nil }?.time
        }
        let windows = candidates.map { window(of: $0, publishedDay: publishedDay) }
        func isOver(_ index: Int) -> Bool {
            guard let published, let window = windows[index] else { return false }
            return !((window.end ?? window.start) > published)
        }
        func isInformative(_ index: Int) -> Bool {
            let candidate = candidates[index]
            return candidate.time != nil || candidate.first != candidate.last || candidate.first != publishedDay
        }
        // The first candidate not yet over, and the first one that is also informative.
        let firstNotOver = candidates.indices.first { !isOver($0) }
        let informative = candidates.indices.first { !isOver($0) && isInformative($0) }
        let chosenIndex = informative ?? firstNotOver ?? 0
        var chosenWindow = windows[chosenIndex]
        var chosen = candidates[chosenIndex]
        if chosen.time == nil && chosen.first == chosen.last {
            // Times in a text that names no day; else the time of a day already over that has
            // the same day of the month ("Torsdag 20.01.2020 kl 21-23" under the title
            // "Varsling vedlikehold torsdag 20.02.2020", published 20.02): a slip of the month.
            chosen.time =
                floating.first
                ?? candidates.indices.first {
                    isOver($0) && candidates[$0].time != nil && candidates[$0].first == candidates[$0].last
                        && candidates[$0].first.day == chosen.first.day && candidates[$0].first != chosen.first
                }.flatMap { candidates[$0].time }
            if chosen.time != nil { chosenWindow = window(of: chosen, publishedDay: publishedDay) }
        }
        var found: [MaintenanceWindow] = chosenWindow.map { [$0] } ?? []
        for index in candidates.indices where index > chosenIndex && !isOver(index) && isInformative(index) {
            if let window = windows[index], !found.contains(window) { found.append(window) }
        }
        return found
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
    private func daysAndTimes(in mentions: [DateMention], publishedDay: CivilDay?) -> ([Candidate], [TimeSpan])
    {
        var days: [(mention: DateMention, candidate: Candidate)] = []
        var times: [(tokens: Range<Int>, span: TimeSpan)] = []
        for mention in mentions {
            switch mention {
            case .days(let first, let last, _):
                guard let start = resolve(first, publishedDay: publishedDay), let end = resolve(last, publishedDay: publishedDay)
                else { continue }
                days.append((mention, Candidate(first: start, last: end, time: nil)))
            case .relative(let offset, _):
                guard let publishedDay else { continue }
                let day = publishedDay.adding(days: offset)
                days.append((mention, Candidate(first: day, last: day, time: nil)))
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

    /// A written day on the calendar. Without a year: the first of last year's, this year's and
    /// next year's that falls on or after a week before publication, when that is at most 240
    /// days ahead (maintenance is announced up to about eight months ahead; published 2023-12-28,
    /// "2. januar" is 2024); else the nearest one (published 2024-01-03, "13.12" is a reference
    /// back to 2023).
    private func resolve(_ day: DayRef, publishedDay: CivilDay?) -> CivilDay? {
        if let year = day.year { return CivilDay(year: year, month: day.month, day: day.day) }
        guard let publishedDay else { return nil }
        let today = publishedDay.daysSince1970
        let options = (publishedDay.year - 1...publishedDay.year + 1).compactMap { year -> (CivilDay, Int)? in
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            guard !(day.month == 2 && day.day == 29 && !leap) else { return nil }
            let candidate = CivilDay(year: year, month: day.month, day: day.day)
            return (candidate, candidate.daysSince1970 - today)
        }
        if let ahead = options.first(where: { $0.1 >= -7 }), ahead.1 <= 240 { return ahead.0 }
        return options.min { abs($0.1) < abs($1.1) }?.0
    }

    private func window(of candidate: Candidate, publishedDay: CivilDay?) -> MaintenanceWindow? {
        guard let time = candidate.time else {
            guard let start = midnight(candidate.first), let end = midnight(candidate.last).flatMap(nextDay) else { return nil }
            return MaintenanceWindow(start: start, end: end)
        }
        guard let start = instant(candidate.first, time.start) else { return nil }
        guard let endTime = time.end else { return MaintenanceWindow(start: start, end: nil) }
        let endDay = time.endDay.flatMap { resolve($0, publishedDay: publishedDay) }
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
    /// Days from 1970-01-01 (proleptic Gregorian).
    var daysSince1970: Int { CivilDate.daysSince1970(year: year, month: month, day: day) }

    /// The day `days` later (earlier when negative).
    func adding(days: Int) -> Self {
        let (year, month, day) = CivilDate.date(daysSince1970: daysSince1970 + days)
        return Self(year: year, month: month, day: day)
    }
}
