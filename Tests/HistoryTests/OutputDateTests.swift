import Foundation
import Testing

@testable import History

@Suite struct OutputDateTests {
    @Test func isoMatchesFoundationsFormatAcrossSummerTimeAndYears() {
        let style = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: OutputDate.zone)
        // Both sides of the 2024 changes to and from summer time, a leap day, the epoch, an old
        // date, a far one, and a spread of ordinary ones.
        var dates = [
            1_711_846_799, 1_711_846_800, 1_729_990_799, 1_729_990_800, 1_709_164_800, 0, -1_000_000_000, 4_102_444_800,
        ].map { Date(timeIntervalSince1970: TimeInterval($0)) }
        dates += stride(from: 1_500_000_000.5, to: 1_900_000_000, by: 7_654_321.25).map { Date(timeIntervalSince1970: $0) }
        for date in dates {
            #expect(OutputDate.iso(date) == date.formatted(style), "\(date.timeIntervalSince1970)")
        }
    }
}
