import Testing
import VarselConfig

/// Inputs the fuzzer (scripts/fuzz.sh) found that crashed a loader; each must now be a clear
/// `ConfigError` naming the file, line and column.
@Suite struct FuzzRegressionTests {
    /// toml++ (in TOMLKit) asserted on `[` + a non-key character: SIGABRT in check-config.
    @Test(arguments: ["[é]\n", "[[ ø ]]\n", "[store]\npath = \"x\"\n\n  [\u{FFFD}", "[\u{11}\n", "[\n", "[[]]\n"])
    func aTableNameStartingWithANonKeyCharacterIsASyntaxErrorNotACrash(_ text: String) throws {
        let error = try #require(configError(text))
        guard case .syntax(let file, let line, let column, let message) = error else {
            Issue.record("expected .syntax, got \(error)")
            return
        }
        #expect(file == "varselvakt.toml")
        #expect(line == text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0))
        #expect(column > 1)
        #expect(error.description.contains("varselvakt.toml:\(line)"))
        #expect(message.contains("table name"))
    }

    @Test func aSubscribersFileWithANonKeyTableNameIsASyntaxErrorNotACrash() throws {
        let error = try #require(try subscribersError("[[é]]\nid = \"x\"\n"))
        guard case .syntax(_, let line, _, _) = error else {
            Issue.record("expected .syntax, got \(error)")
            return
        }
        #expect(line == 1)
    }

    /// The check reads headers only: non-ASCII text in strings and comments, and a header-like
    /// line inside a multi-line string, are not errors of this kind.
    @Test func nonASCIITextOutsideTableNamesIsNotMistakenForAHeader() {
        let text = minimalConfig + "# [ø] in a comment\n[log]\nlevel = \"info\"\n"
        #expect(configError(text) == nil)
        let multiline = "[store]\npath = \"\"\"\n[ø]\"\"\"\n"
        if case .syntax(_, _, _, let message)? = configError(multiline) { #expect(!message.contains("table name")) }
    }
}
