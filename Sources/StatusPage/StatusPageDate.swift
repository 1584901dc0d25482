public import Foundation

/// Reads the timestamps Statuspage writes: ISO 8601 with or without fractional seconds, with `Z`
/// or an offset (`"2019-02-20T12:00:19.418-06:00"`, `"2024-09-16T21:31:02.719Z"`).
///
/// Parsed by hand rather than with a formatter: the older API shape uses offsets, the newer `Z`
/// and milliseconds, and one strict parser per variant would turn a harmless variation into a
/// missing date. Anything else gives nil, never a guess.
public enum StatusPageDate {
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 19, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20,
            b[13] == 0x3A, b[16] == 0x3A,
            let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
            let hour = number(b, 11, 2), let minute = number(b, 14, 2), let second = number(b, 17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == 0x2E {
            i += 1
            // Digits as one integer, divided once: "892" -> 0.892 exactly as a literal would be.
            var digits = 0
            var scale = 1.0
            let start = i
            while i < b.count, let d = digit(b[i]) {
                if i - start < 9 {
                    digits = digits * 10 + d
                    scale *= 10
                }
                i += 1
            }
            if i == start { return nil }
            fraction = Double(digits) / scale
        }
        var offset = 0
        if i < b.count {
            switch b[i] {
            case 0x5A, 0x7A:  // Z
                i += 1
            case 0x2B, 0x2D:  // + or -
                let sign = b[i] == 0x2D ? -1 : 1
                let rest = Array(b[(i + 1)...])
                let digits = rest.filter { $0 != 0x3A }
                guard rest.count <= 5, digits.count == 4, let hh = number(digits, 0, 2), let mm = number(digits, 2, 2)
                else { return nil }
                offset = sign * (hh * 3600 + mm * 60)
                i = b.count
            default:
                return nil
            }
        }
        guard i == b.count, let days = daysFromCivil(year: year, month: month, day: day) else { return nil }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }

    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for k in start..<(start + count) {
            guard k < b.count, let d = digit(b[k]) else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm),
    /// nil for a day the month does not have.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int? {
        let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        guard day <= monthDays[month - 1] + (month == 2 && leap ? 1 : 0) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
