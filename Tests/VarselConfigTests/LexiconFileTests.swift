import Foundation
import Testing
import VarselConfig
import VarselModel

/// lexicon.toml: built into the binary, replaceable by KS's own file, and every mistake named
/// by file, line and key.
@Suite struct LexiconFileTests {
    @Test func builtInLexiconIsConfigLexiconTomlAndHasEveryList() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let onDisk = try Data(contentsOf: root.appendingPathComponent("config/lexicon.toml"))
        #expect(BuiltInData.lexicon.bytes == [UInt8](onDisk))
        let words = try ConfigLoader.loadBuiltInLexicon()
        #expect(words == ConfigLoader.builtInLexicon)
        #expect(words["kind.resolved_title"].contains("løst"))
        #expect(Set(words.lists.keys).isSubset(of: Set(LexiconWords.keys)))
    }

    @Test func lexiconBesideTheConfigReplacesTheBuiltInOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "[kind]\nresolved_title = [\"oppe og går\"]\n".write(
            to: directory.appendingPathComponent("lexicon.toml"), atomically: true, encoding: .utf8)
        try "[store]\npath = \"s.sqlite\"\n[[feeds]]\nurl = \"file:///tmp/x.xml\"\n".write(
            to: directory.appendingPathComponent("varselvakt.toml"), atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: directory.appendingPathComponent("varselvakt.toml").path, environment: [:])
        #expect(config.lexicon["kind.resolved_title"] == ["oppe og går"])
        #expect(config.lexiconPath == directory.appendingPathComponent("lexicon.toml").path)
        #expect(config.summary().contains("Lexicon: \(directory.path)/lexicon.toml (1 phrases)"))
    }

    @Test func badPhraseIsNamedByFileLineAndKey() {
        let text = """
            [kind]
            resolved_title = [
                "løst",
                "oppe*igjen",
            ]
            """
        #expect {
            try ConfigLoader.loadLexicon(text: text, file: "lexicon.toml")
        } throws: { error in
            "\(error)".hasPrefix("lexicon.toml:4: kind.resolved_title: \"oppe*igjen\": ")
                && "\(error)".contains("a * may stand only at the start or end of a word")
        }
    }

    @Test func misspeltListNameIsAnUnknownKeyWithASuggestion() {
        #expect {
            try ConfigLoader.loadLexicon(text: "[kind]\nresolved_titel = [\"løst\"]\n", file: "lexicon.toml")
        } throws: { error in
            "\(error)".hasPrefix("lexicon.toml:2: kind.resolved_titel: unknown key; did you mean \"resolved_title\"?")
        }
    }

    @Test func punctuationInAWordIsRefusedBecauseTheTextIsSplitThere() {
        #expect {
            try ConfigLoader.loadLexicon(text: "[scope]\nskatteetaten_wide = [\"api.skatteetaten.no\"]\n", file: "l.toml")
        } throws: { error in
            "\(error)".contains("l.toml:2: scope.skatteetaten_wide:") && "\(error)".contains("contains \".\"")
        }
    }
}
