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
}
