import Testing

@testable import VarselConfig

/// The locator is what turns TOMLKit's position-less tree into "line 7"; these cover the
/// syntax that could mislead a line scanner.
@Suite struct KeyLineLocatorTests {
    private func line(_ text: String, _ components: [ConfigKeyPath.Component]) -> Int? {
        KeyLineLocator(text: text).line(of: ConfigKeyPath(components))
    }

    @Test func headersInsideMultiLineStringsAreNotHeaders() {
        let text = """
            [[feeds]]
            url = "https://a.example/"
            note = \"\"\"
            [[feeds]]
            url = "not a key"
            \"\"\"
            literal = '''
            [poll]
            '''
            interval = "5m"
            [[feeds]]
            url = "https://b.example/"
            """
        #expect(line(text, [.key("feeds"), .index(0), .key("interval")]) == 10)
        #expect(line(text, [.key("feeds"), .index(1), .key("url")]) == 12)
        #expect(line(text, [.key("poll")]) == nil)
    }

    @Test func arrayElementsSpanningLinesGetTheirOwnLines() {
        let text = "apis = [\n  \"a\", # first\n  [\"nested\", \"b\"],\n\n  \"c\"\n]\nnext = 1\n"
        #expect(line(text, [.key("apis"), .index(0)]) == 2)
        #expect(line(text, [.key("apis"), .index(1)]) == 3)
        #expect(line(text, [.key("apis"), .index(2)]) == 5)
        #expect(line(text, [.key("next")]) == 7)
    }

    @Test func dottedQuotedAndSubTableKeysResolveToTheRightPath() {
        let text = """
            poll.interval = "5m"
            [[feeds]]
            "max_bytes" = 1
            [[feeds]]
            [feeds.extra]
            'weird key' = 2
            """
        #expect(line(text, [.key("poll"), .key("interval")]) == 1)
        #expect(line(text, [.key("poll")]) == 1)
        #expect(line(text, [.key("feeds"), .index(0), .key("max_bytes")]) == 3)
        #expect(line(text, [.key("feeds"), .index(1), .key("extra"), .key("weird key")]) == 6)
    }

    @Test func keysInsideInlineTablesFallBackToTheirParentLine() {
        let text = "a = 1\n\nstore = { path = \"x\", size = 2 }\n"
        #expect(line(text, [.key("store"), .key("size")]) == 3)
    }

    @Test func escapedQuotesAndCRLFLineEndingsDoNotConfuseLineCounting() {
        let text = "a = \"say \\\"[x]\\\" # not a comment\"\r\nb = 'c:\\path'\r\n\r\n[poll]\r\ninterval = \"5m\"\r\n"
        #expect(line(text, [.key("b")]) == 2)
        #expect(line(text, [.key("poll"), .key("interval")]) == 5)
    }
}
