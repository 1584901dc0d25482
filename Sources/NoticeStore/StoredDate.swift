import Foundation
import VarselModel

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
        let (year, month, day) = CivilDate.date(daysSince1970: Int(days))
        let ms = Int(rest % 1000)
        let seconds = Int(rest / 1000)
        // "yyyy-MM-dd HH:mm:ss.SSS": 23 bytes, written in place.
        return String(unsafeUninitializedCapacity: 23) { out in
            func put(_ value: Int, at offset: Int, width: Int) {
                var v = value
                for i in stride(from: offset + width - 1, through: offset, by: -1) {
                    out[i] = 0x30 + UInt8(v % 10)
                    v /= 10
                }
            }
            put(Int(year), at: 0, width: 4)
            out[4] = 0x2D
            put(month, at: 5, width: 2)
            out[7] = 0x2D
            put(day, at: 8, width: 2)
            out[10] = 0x20
            put(seconds / 3600, at: 11, width: 2)
            out[13] = 0x3A
            put(seconds / 60 % 60, at: 14, width: 2)
            out[16] = 0x3A
            put(seconds % 60, at: 17, width: 2)
            out[19] = 0x2E
            put(ms, at: 20, width: 3)
            return 23
        }
    }

    /// Reads text written by `text(_:)` (or by GRDB: "yyyy-MM-dd HH:mm:ss.SSS", UTC, with
    /// optional fraction); nil for anything else.
    static func date(_ text: String?) -> Date? {
        guard var text else { return nil }
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count >= 19, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[13] == 0x3A, bytes[16] == 0x3A else {
                return nil
            }
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for i in from..<(from + count) {
                    let digit = Int(bytes[i]) - 0x30
                    guard digit >= 0 && digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                let minute = number(14, 2), let second = number(17, 2)
            else { return nil }
            var fraction = 0.0
            if bytes.count > 20, bytes[19] == 0x2E {
                var scale = 0.1
                for i in 20..<bytes.count {
                    let digit = Int(bytes[i]) - 0x30
                    guard digit >= 0 && digit <= 9 else { return nil }
                    fraction += Double(digit) * scale
                    scale /= 10
                }
            }
            let days = CivilDate.daysSince1970(year: year, month: month, day: day)
            let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + second) + fraction
            return Date(timeIntervalSince1970: seconds)
        }
    }
}
