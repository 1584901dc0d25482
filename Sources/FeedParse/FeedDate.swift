public import Foundation
import VarselModel

/// Handwritten parsers for the two date formats feeds use, working on UTF-8 bytes (no
/// `DateFormatter`, no locale, no allocation).
///
/// - RFC 3339 (Atom): `2024-01-22T15:30:00.000Z`, `2026-07-07T11:58:00+02:00`; `t`/space as the
///   separator, any number of fractional digits, `Z` or `±hh:mm` / `±hhmm` / `±hh`. Leniencies:
///   seconds may be missing; a missing zone means UTC; a bare date means midnight UTC.
/// - RFC 822 / 1123 / 2822 (RSS): `Tue, 07 Jul 2026 10:00:00 GMT`; the weekday is optional and not
///   checked; seconds optional; 2-digit years (< 50 → 20xx, else 19xx); zones `GMT UT UTC Z`,
///   US zones `EST EDT CST CDT MST MDT PST PDT`, `CET CEST EET EEST WET WEST BST`, military
///   letters (read as UTC, as RFC 2822 advises) and `±hhmm` / `±hh:mm`; a missing zone means UTC.
///   An unknown zone name gives nil rather than a date that may be hours off.
///
/// Anything else, and dates that cannot be real for a notice (year before 1970 or after 2200,
/// month 13, 31 April, 29 February outside leap years, hour 24), gives nil: the entry is kept
/// without that date.
public enum FeedDate {
    /// RFC 3339 if the text starts with a 4-digit year, else RFC 822.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    public static func rfc3339(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { rfc3339($0) }
    }

    public static func rfc822(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { rfc822($0) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var s = DateScanner(bytes)
        s.skipSpaces()
        let start = s.index
        if s.digits(max: 4).count == 4, s.peek == 0x2D {
            return rfc3339(bytes)
        }
        s.index = start
        return rfc822(bytes)
    }

    static func rfc3339(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var s = DateScanner(bytes)
        s.skipSpaces()
        guard let year = s.number(exactly: 4), s.take(0x2D),
            let month = s.number(exactly: 2), s.take(0x2D),
            let day = s.number(exactly: 2)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset = 0
        if let separator = s.peek, separator == 0x54 || separator == 0x74 || separator == 0x20 {
            s.index += 1
            guard let h = s.number(exactly: 2), s.take(0x3A), let m = s.number(exactly: 2) else { return nil }
            hour = h
            minute = m
            if s.take(0x3A) {
                guard let sec = s.number(exactly: 2) else { return nil }
                second = sec
                if s.take(0x2E) || s.take(0x2C) {
                    let digits = s.digits(max: 64)
                    guard !digits.isEmpty else { return nil }
                    var scale = 0.1
                    for d in digits.prefix(9) {
                        fraction += Double(d - 0x30) * scale
                        scale /= 10
                    }
                }
            }
            if let zone = s.peek {
                if zone == 0x5A || zone == 0x7A {
                    s.index += 1
                } else if zone == 0x2B || zone == 0x2D {
                    guard let o = s.numericOffset() else { return nil }
                    offset = o
                }
            }
        }
        s.skipSpaces()
        guard s.atEnd else { return nil }
        return make(year, month, day, hour, minute, second, offset: offset, fraction: fraction)
    }

    static func rfc822(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var s = DateScanner(bytes)
        s.skipSpaces()
        if let first = s.peek, DateScanner.isLetter(first) {  // optional weekday
            _ = s.letters()
            _ = s.take(0x2C)
            s.skipSpaces()
        }
        let dayDigits = s.digits(max: 2)
        guard !dayDigits.isEmpty, let day = DateScanner.value(dayDigits) else { return nil }
        s.skipSpacesAndDashes()
        guard let month = monthNumber(s.letters()) else { return nil }
        s.skipSpacesAndDashes()
        let yearDigits = s.digits(max: 4)
        guard yearDigits.count >= 2, var year = DateScanner.value(yearDigits) else { return nil }
        if yearDigits.count == 2 { year += year < 50 ? 2000 : 1900 } else if yearDigits.count == 3 { year += 1900 }
        s.skipSpaces()
        guard let hour = s.number(exactly: 2) ?? s.number(exactly: 1), s.take(0x3A),
            let minute = s.number(exactly: 2)
        else { return nil }
        var second = 0
        if s.take(0x3A) {
            guard let sec = s.number(exactly: 2) else { return nil }
            second = sec
        }
        s.skipSpaces()
        var offset = 0
        if let zone = s.peek {
            if zone == 0x2B || zone == 0x2D {
                guard let o = s.numericOffset() else { return nil }
                offset = o
            } else if DateScanner.isLetter(zone) {
                guard let o = zoneOffset(s.letters()) else { return nil }
                offset = o
            } else {
                return nil
            }
            s.skipSpaces()
            if s.take(0x28) { s.index = bytes.count }  // "(comment)" after the zone
        }
        guard s.atEnd else { return nil }
        return make(year, month, day, hour, minute, second, offset: offset, fraction: 0)
    }

    private static func make(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
        offset: Int, fraction: Double
    ) -> Date? {
        guard (1970...2200).contains(year), (1...12).contains(month), day >= 1,
            day <= daysIn(month: month, year: year), hour < 24, minute < 60, second <= 60
        else { return nil }
        let days = daysFromCivil(year, month, day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59) - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        CivilDate.daysSince1970(year: year, month: month, day: day)
    }

    private static func monthNumber(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard name.count >= 3 else { return nil }
        let key = (UInt32(name[0] | 0x20) << 16) | (UInt32(name[1] | 0x20) << 8) | UInt32(name[2] | 0x20)
        let months: [UInt32] = [
            0x6A616E, 0x666562, 0x6D6172, 0x617072, 0x6D6179, 0x6A756E,
            0x6A756C, 0x617567, 0x736570, 0x6F6374, 0x6E6F76, 0x646563,
        ]
        guard let index = months.firstIndex(of: key) else { return nil }
        return index + 1
    }

    /// Seconds east of UTC for a named zone.
    private static func zoneOffset(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        let upper = String(decoding: name.map { $0 & ~0x20 }, as: UTF8.self)
        let hours: Int
        switch upper {
        case "GMT", "UT", "UTC", "Z": hours = 0
        case "EST": hours = -5
        case "EDT", "AST": hours = -4
        case "CST": hours = -6
        case "CDT": hours = -5
        case "MST": hours = -7
        case "MDT": hours = -6
        case "PST": hours = -8
        case "PDT": hours = -7
        case "WET": hours = 0
        case "WEST", "BST", "CET": hours = 1
        case "CEST", "EET": hours = 2
        case "EEST": hours = 3
        default:
            guard name.count == 1, name[0] & ~0x20 != 0x4A else { return nil }  // military, not "J"
            hours = 0
        }
        return hours * 3_600
    }
}
