import Foundation
import Testing
import VarselModel

@testable import NoticeStore

@Suite struct JSONColumnStringTests {
    @Test func stringArraysReadBackAsWrittenWhateverTheyHold() {
        let cases: [[String]] = [
            [], ["inntekt"], ["a", "b", "c"], ["with \"quotes\" and \\ backslash"], ["line\nbreak", "tab\tstop"],
            ["æøå", "emoji 🙂"], ["control \u{01}"], [""], ["", ""], ["[", "]", ","],
        ]
        for strings in cases {
            #expect(JSONColumn.strings(JSONColumn.encode(strings)) == strings, "\(strings)")
        }
    }

    @Test func textThatIsNotASimpleArrayIsReadAsJSONDecoderReadsIt() {
        #expect(JSONColumn.strings(nil) == [])
        #expect(JSONColumn.strings("[ \"spaced\" ]") == ["spaced"])
        for text in ["[\"a\",]", "[\"unterminated", "{\"not\":\"an array\"}", "[\"a\"]trailing", "[1, 2]", "[\"\\u00e6\"]"] {
            #expect(JSONColumn.strings(text) == JSONColumn.decode([String].self, text, default: []), "\(text)")
        }
        #expect(JSONColumn.strings("[\"\\u00e6\"]") == ["æ"])
    }
}

@Suite struct JSONColumnWindowTests {
    @Test func maintenanceWindowsReadBackAsWrittenWithOrWithoutAnEnd() {
        let windows = [
            MaintenanceWindow(start: Date(timeIntervalSince1970: 1_786_190_400), end: Date(timeIntervalSince1970: 1_786_197_600.5)),
            MaintenanceWindow(start: Date(timeIntervalSince1970: 1_786_276_800), end: nil),
        ]
        #expect(JSONColumn.windows(JSONColumn.encode(windows)) == windows)
        #expect(JSONColumn.windows(JSONColumn.encode([windows[1]])) == [windows[1]])
    }

    @Test func windowsWrittenInAnyOtherJSONFormStillRead() {
        // Spaces, another key order, an unreadable start (left out) or end (none): the reader's
        // fast path declines and JSONDecoder reads them.
        let text = """
            [ {"end": null, "start": "2026-08-08 08:00:00.000"},
              {"start":"not a date","end":null},
              {"start":"2026-08-09 08:00:00.000","end":"later"} ]
            """
        #expect(
            JSONColumn.windows(text) == [
                MaintenanceWindow(start: Date(timeIntervalSince1970: 1_786_176_000), end: nil),
                MaintenanceWindow(start: Date(timeIntervalSince1970: 1_786_262_400), end: nil),
            ])
        #expect(JSONColumn.windows("[{\"start\":\"2026-08-08 08:00:00.000\",\"end\":null}") == [])
    }
}
