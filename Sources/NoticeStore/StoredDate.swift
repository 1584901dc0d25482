import Foundation

/// Dates as the store writes them: GRDB's own text format ("yyyy-MM-dd HH:mm:ss.SSS", UTC),
/// which GRDB reads back as `Date` and a person can read in `sqlite3`.
///
/// Written here by hand because GRDB formats every `Date` argument through a `DateFormatter`
/// (ICU), and an ingest binds about ten dates per notice: profiles showed ICU formatting as the
/// largest cost of storing a 518-item feed.
enum StoredDate {
    static func text(_ date: Date?) -> String? {
        guard let date else { return nil }
        var millis = (date.timeIntervalSince1970 * 1000).rounded(.down)
        // Dates GRDB cannot represent in four digits are clamped, not corrupted.
        millis = min(max(millis, -62_135_596_800_000), 253_402_300_799_999)
        let total = Int64(millis)
        var days = total / 86_400_000
        var rest = total % 86_400_000
        if rest < 0 {
            rest += 86_400_000
            days -= 1
        }
        let (year, month, day) = civil(days: days)
        let ms = Int(rest % 1000)
        let seconds = Int(rest / 1000)
        var out = [UInt8]()
        out.reserveCapacity(23)
        func put(_ value: Int, _ width: Int) {
            var digits = [UInt8](repeating: 0x30, count: width)
            var v = value
            for i in stride(from: width - 1, through: 0, by: -1) {
                digits[i] = 0x30 + UInt8(v % 10)
                v /= 10
            }
            out.append(contentsOf: digits)
        }
        put(Int(year), 4); out.append(0x2D)
        put(month, 2); out.append(0x2D)
        put(day, 2); out.append(0x20)
        put(seconds / 3600, 2); out.append(0x3A)
        put(seconds / 60 % 60, 2); out.append(0x3A)
        put(seconds % 60, 2); out.append(0x2E)
        put(ms, 3)
        return String(decoding: out, as: UTF8.self)
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func civil(days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
