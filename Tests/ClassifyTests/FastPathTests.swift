import VarselConfig
import Foundation
import TestSupport
import Testing
import VarselModel

@testable import Classify

/// The byte-level tokenisers (`Lexicon.appendWords`, `DateToken.byteTokens`) against their
/// `Character`-based definitions, on every real text and on every scalar they claim to know.
@Suite struct FastPathTests {
    let lexicon: Lexicon
    let dateWords = DateWords()

    init() {
        var vocabulary = Vocabulary()
        _ = APIMatcher(catalog: TestCatalog.catalog, vocabulary: &vocabulary)
        lexicon = Lexicon(vocabulary: vocabulary, words: ConfigLoader.builtInLexicon)
    }

    /// Titles and plain-text descriptions of every item of every Folkeregisteret RSS fixture, plus
    /// the Atom table's texts. The HTML is stripped crudely: any realistic text will do here.
    static func realTexts() throws -> [String] {
        var texts = atomFixtureEntries.flatMap { [$0.input.title, $0.input.summaryText, $0.input.contentText] }
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.feeds.path).filter {
            $0.hasPrefix("folkeregisteret-rss")
        }
        for file in files.sorted() {
            let feed = try String(contentsOf: Fixtures.feed(file), encoding: .utf8)
            for item in feed.components(separatedBy: "<item>").dropFirst() {
                for tag in ["title", "description"] {
                    guard let open = item.range(of: "<\(tag)>"),
                        let close = item.range(of: "</\(tag)>", range: open.upperBound..<item.endIndex)
                    else { continue }
                    texts.append(plainText(String(item[open.upperBound..<close.lowerBound])))
                }
            }
        }
        return texts.filter { !$0.isEmpty }
    }

    static func plainText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<![CDATA[", with: "").replacingOccurrences(of: "]]>", with: "")
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", "\u{A0}"), ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    @Test func realTextsGiveTheSameWordsAndDateTokensOnBothPaths() throws {
        let texts = try Self.realTexts()
        #expect(texts.count > 3000)
        var bytePath = 0
        for text in texts {
            var fast: [Word] = []
            lexicon.appendWords(of: text, to: &fast)
            var slow: [Word] = []
            lexicon.appendCharacterWords(of: text, to: &slow)
            #expect(fast == slow, "\(text)")
            if let tokens = DateToken.byteTokens(of: text, words: dateWords) {
                #expect(tokens == DateToken.legacyTokens(of: text, words: dateWords), "\(text)")
            }
            if lexicon.readsBytes(text) { bytePath += 1 }
        }
        // The fast path is the one real feeds take (all their scalars are on the known list).
        #expect(bytePath == texts.count)
    }

    @Test func everyASCIICharacterBetweenWordsAndNumbersGivesTheSameTokensOnBothPaths() {
        for value in 0..<128 {
            let character = String(UnicodeScalar(UInt8(value)))
            for text in [
                "Planlagt\(character)VEDLIKEHOLD\(character)16\(character)11\(character)kl\(character)18",
                "\(character)Æ\(character)2\(character)", character,
            ] {
                var fast: [Word] = []
                lexicon.appendWords(of: text, to: &fast)
                var slow: [Word] = []
                lexicon.appendCharacterWords(of: text, to: &slow)
                #expect(fast == slow, "\(value)")
                #expect(
                    DateToken.byteTokens(of: text, words: dateWords) == DateToken.legacyTokens(of: text, words: dateWords),
                    "\(value)")
            }
        }
    }

    @Test func everyScalarTheFastPathKnowsHasTheStandardLibrarysProperties() {
        var known: [UInt32] = []
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8)
            guard let read = bytes.withUnsafeBufferPointer({ KnownScalar.read($0, at: 0) }) else { continue }
            known.append(value)
            let character = Character(scalar)
            #expect(read.width == bytes.count, "\(value)")
            // Never part of the Character before it: each known scalar is a Character of its own.
            #expect(("a" + String(scalar)).count == 2, "\(value)")
            switch read.kind {
            case .letter:
                #expect(character.isLetter && !character.isNumber, "\(value)")
                let lowered = read.width == 1 ? [read.lead] : [read.lead, read.trail]
                #expect(Array(String(character).lowercased().utf8) == lowered, "\(value)")
            case .digit:
                #expect(character.isASCII && character.isNumber && !character.isLetter, "\(value)")
            case .whitespace:
                #expect(character.isWhitespace && !character.isLetter && !character.isNumber, "\(value)")
            case .other:
                #expect(!character.isWhitespace && !character.isLetter && !character.isNumber, "\(value)")
                #expect(read.symbol == DateSymbol(character), "\(value)")
            }
        }
        // ASCII, Latin-1 letters and × ÷, and the listed punctuation: nothing else slips in.
        #expect(known.count == 128 + 64 + 5 + 12)
        for letter in "æøåÆØÅéü".unicodeScalars { #expect(known.contains(letter.value)) }
        for other in [0xA0, 0xAB, 0xBB, 0x2013, 0x2014, 0x2019] as [UInt32] { #expect(known.contains(other)) }
    }

    @Test func scalarsOffTheListSendTheTextToTheCharacterPath() {
        for text in ["e\u{301}", "İstanbul", "x²", "a\u{200D}b", "line\u{2028}break", "\u{85}", "ﬁ"] {
            #expect(!lexicon.readsBytes(text), "\(text)")
            #expect(DateToken.byteTokens(of: text, words: dateWords) == nil, "\(text)")
        }
    }
}

/// `explain` tries only the phrases of lists the fast path found; on real texts that must give
/// exactly the phrases trying every phrase everywhere gives.
@Suite struct ExplainPhrasePruningTests {
    @Test func explainFindsTheSamePhrasesAsTryingEveryPhraseAtEveryWord() async throws {
        let classifier = Classifier(catalog: TestCatalog.catalog, lexicon: ConfigLoader.builtInLexicon)
        var checked = 0
        // Every fourth real text: the brute force is slow in a debug build, and the suite runs
        // beside tests that wait on real servers.
        for (index, text) in try FastPathTests.realTexts().enumerated() where index % 4 == 0 {
            // Tests share the cooperative pool (one thread per core): a long loop that never
            // yields starves tests that wait on real servers (a probe service missed its rounds).
            await Task.yield()
            let explanation = classifier.explain(ClassificationInput(title: text))
            let words = WordText.words(of: text)
            var expected: [String: [String]] = [:]
            for (list, phrase, compiled) in classifier.explainPhrases
            where words.indices.contains(where: { compiled.matches(words, at: $0) }) {
                expected[list.key, default: []].append(phrase)
            }
            #expect(explanation.titlePhrases == expected, "\(text.prefix(80))")
            checked += expected.isEmpty ? 0 : 1
        }
        #expect(checked > 50)
    }
}
