/// A calendar day as written: day and month, the year if the text gives one.
struct DayRef: Sendable, Hashable {
    var day: Int
    var month: Int
    var year: Int?
}

/// A time of day as written; `hour` may be 24 ("til 24:00" = midnight at the end of the day).
struct ClockTime: Sendable, Hashable {
    var hour: Int
    var minute: Int
}

/// Something date-like found in a text, with the token positions it covers.
enum DateMention: Sendable, Equatable {
    /// A day or an inclusive range of days ("15. juni 2023", "3. eller 4. juni",
    /// "31.12.23 til og med fredag 05.01.24").
    case days(first: DayRef, last: DayRef, tokens: Range<Int>)
    /// A time or time range ("kl. 18.00 til kl. 22.00", "kl. 07-08", "20:00 - 22:00"); `endDay`
    /// is set when the range ends on another day ("kl 22:00 - torsdag 26. januar kl 04:00").
    case time(start: ClockTime, end: ClockTime?, endDay: DayRef?, tokens: Range<Int>)
    /// A day named relative to publication: "i dag" / "i kveld" (offset 0), "i morgen" (1).
    case relative(offset: Int, tokens: Range<Int>)

    var tokens: Range<Int> {
        switch self {
        case .days(_, _, let tokens), .time(_, _, _, let tokens), .relative(_, let tokens): tokens
        }
    }

    var isDay: Bool {
        switch self {
        case .days, .relative: true
        case .time: false
        }
    }
}

/// Finds Norwegian dates and times in one text: a small hand-written grammar over `DateToken`s.
/// Weekday names are allowed and ignored. What it reads:
/// * days: "05.10.2023", "28.11.23", "16.11" (year-less needs a two-digit month, so "versjon 2.1"
///   is no date), "30-03-2024", "2023-09-05", "15. juni 2023", "16.november", "27.April",
///   "25 januar 2023", abbreviations ("16. nov.", "3. des"), day lists "3. eller 4. juni",
///   "12 til 14 oktober", ranges "31.12.23 til og med fredag 05.01.24";
/// * times: "kl. 18.00", "kl.21:00", "kl 0900", "kl. 9", "klokken 9.00", a bare "18:00" (colon only,
///   so "18.00" alone is not a time); ranges with "til", "-", "–" or "og" ("mellom kl. 18:00 og kl. 19.00"),
///   the second time may be bare ("kl. 07-08", "kl 18.00 - 19.00"), or a day and time ("kl 20 til
///   tirsdag 30.04.2019 kl 08:00"), "mellom 09-10", an approximate end "til ca 24:00";
/// * relative days: "i dag", "i kveld", "i morgen", "idag", "ikveld", "imorgen".
/// Dates naming an earlier notice are dropped, and so are the mentions before a postponing word
/// that has a day after it.
/// Anything else is skipped: unknown words never stop the scan.
struct DateScanner: Sendable {
    static let months: [String: Int] = [
        "januar": 1, "jan": 1, "februar": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5,
        "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "oktober": 10, "okt": 10, "november": 11, "nov": 11, "desember": 12, "des": 12,
    ]
    static let weekdays: Set<String> = [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
        "mandags", "tirsdags", "onsdags", "torsdags", "fredags", "lørdags", "søndags",
    ]

    let tokens: [DateToken]

    /// All mentions in `text`, in order.
    static func mentions(in text: String, words: DateWords) -> [DateMention] {
        DateScanner(tokens: DateToken.tokens(of: text, words: words)).scan()
    }

    func scan() -> [DateMention] {
        var mentions: [DateMention] = []
        var index = 0
        var postponements: [Int] = []
        while index < tokens.count {
            if let (first, last, next) = dateRange(at: index) {
                if isReference(at: index) {
                    // Only the referenced day: "se driftsvarsel fra 09.03.2022 - Lørdag 12.03.2022" is no range.
                    index = date(at: index)?.2 ?? next
                } else {
                    mentions.append(.days(first: first, last: last, tokens: index..<next))
                    index = next
                }
            } else if let (mention, next) = timeMention(at: index) {
                mentions.append(mention)
                index = next
            } else if let (offset, next) = relativeDay(at: index) {
                mentions.append(.relative(offset: offset, tokens: index..<next))
                index = next
            } else {
                if tokens[index].isWord(.postponed) { postponements.append(index) }
                index += 1
            }
        }
        // "arbeid som skulle skje 27. september er utsatt til torsdag 29. september": the days
        // before the last postponing word that has a day after it are the old ones.
        if let cut = postponements.last(where: { word in mentions.contains { $0.isDay && $0.tokens.lowerBound > word } }) {
            mentions.removeAll { $0.tokens.upperBound <= cut }
        }
        return mentions
    }

    /// A date that names an earlier notice: "se driftsvarsel fra 09.03.2022", "nyhet av 3. mars",
    /// "Viser til meldt driftsvarsel 13.12.23".
    private func isReference(at index: Int) -> Bool {
        guard let before = token(index - 1), let word = token(index - 2) else { return false }
        return (before.isWord(.referenceLink) && word.isWord(.noticeWord))
            || (before.isWord(.noticeWord) && word.isWord(.referenceMark))
    }

    /// "i dag", "i kveld", "idag", "i morgen" not followed by a date (then the date says it):
    /// the offset in days from publication.
    private func relativeDay(at index: Int) -> (Int, Int)? {
        guard let first = token(index), first.kind == .word else { return nil }
        var offset: Int
        var next = index + 1
        switch first.word {
        case .idag, .ikveld: offset = 0
        case .imorgen: offset = 1
        case .i:
            guard let second = token(index + 1), second.kind == .word else { return nil }
            switch second.word {
            case .dag, .kveld: offset = 0
            case .morgen: offset = 1
            default: return nil
            }
            next = index + 2
        default: return nil
        }
        // "I kveld, mandag 30.03.2020": the date is the day.
        var cursor = next
        while let mark = token(cursor), mark.kind == .symbol, !mark.isDash { cursor += 1 }
        if date(at: skipWeekday(cursor)) != nil { return nil }
        return (offset, next)
    }

    // MARK: Days

    private func dateRange(at index: Int) -> (DayRef, DayRef, Int)? {
        guard let (first, last, next) = date(at: index) else { return nil }
        var cursor = next
        if token(cursor)?.isWord(.til) == true {
            cursor += 1
            if token(cursor)?.isWord(.og) == true, token(cursor + 1)?.isWord(.med) == true { cursor += 2 }
        } else if token(cursor)?.isDash == true {
            cursor += 1
        } else {
            return (first, last, next)
        }
        guard let (_, end, after) = date(at: skipWeekday(cursor)) else { return (first, last, next) }
        return (first, end, after)
    }

    private func date(at index: Int) -> (DayRef, DayRef, Int)? {
        if let (day, next) = numericDate(at: index) { return (day, day, next) }
        return namedDate(at: index)
    }

    private func numericDate(at index: Int) -> (DayRef, Int)? {
        guard let first = token(index), first.kind == .number, startsFree(index) else { return nil }
        func adjacent(_ offset: Int) -> DateToken? {
            guard let token = token(index + offset), !token.spaced else { return nil }
            return token
        }
        let numberAt = { (offset: Int, digits: ClosedRange<Int>) -> Int? in
            guard let token = adjacent(offset), token.kind == .number, digits.contains(token.digits) else { return nil }
            return token.number
        }
        // 2023-09-05
        if first.digits == 4, adjacent(1)?.isSymbol(.hyphen) == true, let month = numberAt(2, 1...2),
            adjacent(3)?.isSymbol(.hyphen) == true, let day = numberAt(4, 1...2)
        {
            return validated(DayRef(day: day, month: month, year: first.number), next: index + 5)
        }
        guard (1...2).contains(first.digits), let day = first.number else { return nil }
        // 30-03-2024
        if adjacent(1)?.isSymbol(.hyphen) == true, let month = numberAt(2, 1...2), adjacent(3)?.isSymbol(.hyphen) == true,
            let year = numberAt(4, 4...4)
        {
            return validated(DayRef(day: day, month: month, year: year), next: index + 5)
        }
        // 05.10.2023, 28.11.23, 16.11
        guard adjacent(1)?.isSymbol(.dot) == true, let monthToken = adjacent(2), monthToken.kind == .number,
            (1...2).contains(monthToken.digits), let month = monthToken.number
        else { return nil }
        if adjacent(3)?.isSymbol(.dot) == true, let yearToken = adjacent(4), yearToken.kind == .number {
            guard [2, 4].contains(yearToken.digits), let year = yearToken.number else { return nil }  // an IP address
            return validated(DayRef(day: day, month: month, year: year < 100 ? 2000 + year : year), next: index + 5)
        }
        guard monthToken.digits == 2 else { return nil }
        return validated(DayRef(day: day, month: month, year: nil), next: index + 3)
    }

    private func namedDate(at index: Int) -> (DayRef, DayRef, Int)? {
        guard let first = token(index), first.kind == .number, (1...2).contains(first.digits),
            let day = first.number, startsFree(index)
        else { return nil }
        var cursor = skipDot(index + 1)
        var lastDay = day
        if month(at: cursor) == nil {
            // "3. eller 4. juni", "12 til 14 oktober", "12.-14. oktober"
            guard let connector = token(cursor),
                connector.isWord(.eller) || connector.isWord(.til) || connector.isWord(.og) || connector.isDash,
                let second = token(cursor + 1), second.kind == .number, (1...2).contains(second.digits),
                let secondDay = second.number, secondDay > day
            else { return nil }
            lastDay = secondDay
            cursor = skipDot(cursor + 2)
        }
        guard let (month, afterMonth) = month(at: cursor) else { return nil }
        var next = afterMonth
        var year: Int?
        if let yearToken = token(next), yearToken.kind == .number, yearToken.digits == 4 {
            year = yearToken.number
            next += 1
        }
        guard let (start, _) = validated(DayRef(day: day, month: month, year: year), next: next),
            let (end, _) = validated(DayRef(day: lastDay, month: month, year: year), next: next)
        else { return nil }
        return (start, end, next)
    }

    private func month(at index: Int) -> (Int, Int)? {
        guard let token = token(index), token.kind == .word, let month = token.word.month else { return nil }
        return (month, skipDot(index + 1))
    }

    private func validated(_ day: DayRef, next: Int) -> (DayRef, Int)? {
        guard (1...12).contains(day.month) else { return nil }
        let leap = day.year.map { ($0 % 4 == 0 && $0 % 100 != 0) || $0 % 400 == 0 } ?? true
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[day.month - 1]).contains(day.day) else { return nil }
        return (day, next)
    }

    // MARK: Times

    private func timeMention(at index: Int) -> (DateMention, Int)? {
        // "mellom 09-10": a bare range after "mellom" ("mellom kl. 09-10" is read below).
        if token(index)?.isWord(.mellom) == true, token(index + 1)?.word.isTimeMarker != true {
            guard date(at: index + 1) == nil, let (start, afterStart) = time(at: index + 1, bare: true), token(afterStart)?.isDash == true,
                let (end, next) = time(at: afterStart + 1, bare: true)
            else { return nil }
            return (.time(start: start, end: end, endDay: nil, tokens: index..<next), next)
        }
        guard let (start, afterStart) = time(at: index, bare: false) else { return nil }
        let single = DateMention.time(start: start, end: nil, endDay: nil, tokens: index..<afterStart)
        guard let connector = token(afterStart),
            connector.isWord(.til) || connector.isWord(.og) || connector.isDash
        else { return (single, afterStart) }
        // "til ca 24:00", "til ca kl 20:00": an approximate clock time is an end ("og ca 2 timer"
        // is a duration: after "ca" the end needs "kl" or a colon).
        let approximate = token(afterStart + 1)?.isWord(.ca) == true
        let cursor = approximate ? afterStart + 2 : afterStart + 1
        if let (day, _, afterDay) = date(at: skipWeekday(cursor)) {
            guard let (end, next) = time(at: afterDay, bare: false) else { return (single, afterStart) }
            return (.time(start: start, end: end, endDay: day, tokens: index..<next), next)
        }
        guard let (end, next) = time(at: cursor, bare: !approximate) else { return (single, afterStart) }
        return (.time(start: start, end: end, endDay: nil, tokens: index..<next), next)
    }

    /// A time at `index`. With a "kl"/"klokken" marker or `bare` (the second half of a range):
    /// "18", "18.00", "18:00", "1800". Otherwise only "18:00" (a colon) counts.
    private func time(at index: Int, bare: Bool) -> (ClockTime, Int)? {
        var cursor = index
        var marked = false
        if let marker = token(index), marker.kind == .word, marker.word.isTimeMarker {
            cursor = skipDot(index + 1)
            marked = true
        }
        guard let hourToken = token(cursor), hourToken.kind == .number, marked || startsFree(cursor) else { return nil }
        var hour: Int
        var minute = 0
        var next = cursor + 1
        var colon = false
        if hourToken.digits == 4, marked || bare, let value = hourToken.number {
            hour = value / 100
            minute = value % 100
        } else if (1...2).contains(hourToken.digits), let value = hourToken.number {
            hour = value
            if let separator = token(cursor + 1), !separator.spaced, separator.isSymbol(.colon) || separator.isSymbol(.dot),
                let minuteToken = token(cursor + 2), !minuteToken.spaced, minuteToken.kind == .number,
                minuteToken.digits == 2, let value = minuteToken.number
            {
                minute = value
                colon = separator.symbol == .colon
                next = cursor + 3
            }
        } else {
            return nil
        }
        guard marked || bare || colon else { return nil }
        guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
        return (ClockTime(hour: hour, minute: minute), next)
    }

    // MARK: Helpers

    private func token(_ index: Int) -> DateToken? {
        tokens.indices.contains(index) ? tokens[index] : nil
    }

    /// A number starts a date or time only if it is not glued to the token before it
    /// (the middle of "20.100.51.138", "2a13:6200", "v2").
    private func startsFree(_ index: Int) -> Bool {
        guard index > 0, !tokens[index].spaced else { return true }
        let previous = tokens[index - 1]
        return
            !(previous.kind == .number || previous.kind == .word || previous.isSymbol(.dot) || previous.isSymbol(.colon)
            || previous.isSymbol(.slash))
    }

    private func skipDot(_ index: Int) -> Int {
        if let dot = token(index), !dot.spaced, dot.isSymbol(.dot) { return index + 1 }
        return index
    }

    private func skipWeekday(_ index: Int) -> Int {
        token(index)?.isWord(.weekday) == true ? index + 1 : index
    }
}
