public import Foundation

/// Parses the dates libcurl reports in `CURLINFO_CERTINFO` ("Expire date:", "Start date:").
///
/// With the OpenSSL backend these are `ASN1_TIME_print` output: `"Nov 23 10:00:00 2026 GMT"`,
/// the day space-padded (`"Nov  3 ..."`), optional fractional seconds (`"10:00:00.5"`) for a
/// GeneralizedTime, always GMT. Other TLS backends print other formats; those parse as `nil`
/// (the caller then simply has no expiry, it never guesses one).
public enum CertificateDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The instant, or `nil` when `text` is not in the format above or names an impossible date.
    public static func parse(_ text: String) -> Date? {
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 5, fields[4] == "GMT",
            let monthIndex = months.firstIndex(where: { $0 == fields[0] }),
            let day = Int(fields[1]), let year = Int(fields[3]), (1...9999).contains(year)
        else { return nil }
        let clock = fields[2].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]),
            let second = Double(clock[2]), clock[2].first?.isNumber == true,
            (0...23).contains(hour), (0...59).contains(minute), second >= 0, second < 61
        else { return nil }
        let month = monthIndex + 1
        guard (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        let days = daysFromEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days) * 86_400 + Double(hour * 3600 + minute * 60) + second)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    private static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
