import Testing

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
