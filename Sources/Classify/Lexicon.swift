import VarselModel

/// One word of a text as the rules see it: its vocabulary id and which single-word patterns
/// ("planlagt*", "*vedlikehold*") it matches. `id` is -1 for a word outside the vocabulary and
/// -2 for the border between two texts (title | summary | content), which matches nothing.
struct Word: Sendable, Equatable {
    var id: Int32
    var patterns: UInt64

    static let border = Word(id: -2, patterns: 0)
}

/// The phrase lists of `KindRules` and `ScopeRules`, compiled once per `Classifier`, and the
/// tokeniser that turns a text into `Word`s.
///
/// Why: the rules used to compare every phrase at every word position with `String` operations
/// (`hasPrefix`, `contains`), which dominated a feed ingest. Here each text is read once, over its
/// UTF-8 bytes; each word is looked up once (id, pattern bits), and only the phrases whose first
/// part matches a word are tried there. Results are the same as the `String` definitions
/// (`WordText`, `Phrase.Part.matches`): texts with scalars outside `KnownScalar`'s list, or a
/// vocabulary that is not plain lower-case letters and digits, take the `String` path.
struct Lexicon: Sendable {
    private(set) var vocabulary: Vocabulary
    /// Non-exact parts; part `i` is bit `i` of `Word.patterns`.
    private var patterns: [Phrase.Part] = []
    private var patternStarts: [Int] = []
    private var patternLengths: [Int] = []
    private var patternPool: [UInt8] = []
    /// Pattern bits worth trying for a word, by its first byte (prefix, infix) and last byte (suffix, infix).
    private var byFirstByte = [UInt64](repeating: 0, count: 256)
    private var byLastByte = [UInt64](repeating: 0, count: 256)
    /// Infix pattern bits: tried on every word long enough.
    private var infixBits: UInt64 = 0
    private var shortestPattern = Int.max
    /// Compiled phrases: list bit, and parts as codes (>= 0: exact word id; < 0: pattern bit -code-1).
    private var phraseLists: [UInt32] = []
    private var partStarts: [Int] = [0]
    private var partCodes: [Int32] = []
    /// Phrase indices by the id of their first (exact) part, and by their first part's pattern bit.
    private var byFirstID: [[Int32]] = []
    private var byFirstPattern: [[Int32]] = []
    /// False when byte comparison could differ from `String` comparison (see `Vocabulary`).
    private var bytesAreExact = true

    /// At most this many distinct starred words (bits of `Word.patterns`); the lexicon loader
    /// rejects a file with more.
    static let maxPatterns = 64

    /// Compiles every `PhraseList` from `words`, adding its words to `vocabulary`.
    init(vocabulary: Vocabulary, words: LexiconWords) {
        self.vocabulary = vocabulary
        for list in PhraseList.allCases {
            for phrase in words[list.key].map({ Phrase($0) }) where !phrase.parts.isEmpty {
                phraseLists.append(1 << UInt32(list.rawValue))
                for part in phrase.parts {
                    if case .exact(let text) = part {
                        partCodes.append(self.vocabulary.intern(text))
                    } else {
                        partCodes.append(-Int32(patternBit(part)) - 1)
                    }
                }
                partStarts.append(partCodes.count)
            }
        }
        precondition(patterns.count <= Lexicon.maxPatterns, "at most 64 distinct word patterns fit in Word.patterns")
        bytesAreExact = bytesAreExact && self.vocabulary.plainOnly
        byFirstID = [[Int32]](repeating: [], count: self.vocabulary.count)
        byFirstPattern = [[Int32]](repeating: [], count: patterns.count)
        for phrase in phraseLists.indices {
            let first = partCodes[partStarts[phrase]]
            if first >= 0 {
                byFirstID[Int(first)].append(Int32(phrase))
            } else {
                byFirstPattern[Int(-first - 1)].append(Int32(phrase))
            }
        }
    }

    private mutating func patternBit(_ part: Phrase.Part) -> Int {
        if let bit = patterns.firstIndex(of: part) { return bit }
        let bit = patterns.count
        let text = part.text
        patterns.append(part)
        patternStarts.append(patternPool.count)
        patternLengths.append(text.utf8.count)
        patternPool += text.utf8
        shortestPattern = min(shortestPattern, text.utf8.count)
        if text.isEmpty || !KnownScalar.isPlainLowercaseWord(text) {
            bytesAreExact = false
        } else {
            let first = Int(text.utf8.first!), last = Int(text.utf8.last!)
            switch part {
            case .prefix: byFirstByte[first] |= 1 << UInt64(bit)
            case .suffix: byLastByte[last] |= 1 << UInt64(bit)
            case .infix, .exact: infixBits |= 1 << UInt64(bit)
            }
        }
        return bit
    }

    // MARK: Words

    /// Appends the words of `text` to `words`. Reads UTF-8 bytes when every scalar is known,
    /// else falls back to `WordText` and `String` lookups.
    func appendWords(of text: String, to words: inout [Word]) {
        var text = text
        if bytesAreExact && text.withUTF8({ appendFast($0, to: &words) }) { return }
        appendCharacterWords(of: text, to: &words)
    }

    /// Whether `appendWords` reads `text` as bytes (tests compare both paths).
    func readsBytes(_ text: String) -> Bool {
        var scratch: [Word] = []
        var text = text
        return bytesAreExact && text.withUTF8 { appendFast($0, to: &scratch) }
    }

    /// The `String` path: `WordText` words, looked up by `String` equality and `Phrase.Part.matches`.
    func appendCharacterWords(of text: String, to words: inout [Word]) {
        for word in WordText.words(of: text) {
            var bits: UInt64 = 0
            for (bit, part) in patterns.enumerated() where part.matches(word) { bits |= 1 << UInt64(bit) }
            words.append(Word(id: vocabulary.id(word), patterns: bits))
        }
    }

    /// The byte path; on an unknown scalar it removes what it appended and returns false.
    private func appendFast(_ bytes: UnsafeBufferPointer<UInt8>, to words: inout [Word]) -> Bool {
        let mark = words.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { scratch in
            let scratch = UnsafeMutableBufferPointer(rebasing: scratch[...])
            var length = 0
            var key: UInt64 = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {  // ASCII, most of the text: letters fold with | 0x20
                    index += 1
                    let lower = byte | 0x20
                    let kept: UInt8
                    if lower &- 0x61 < 26 {
                        kept = lower
                    } else if byte &- 0x30 < 10 {
                        kept = byte
                    } else {
                        if length > 0 {
                            words.append(word(UnsafeBufferPointer(rebasing: scratch[0..<length]), key: key))
                            length = 0
                            key = 0
                        }
                        continue
                    }
                    scratch[length] = kept
                    length += 1
                    key = Vocabulary.key(key, kept)
                    continue
                }
                guard let scalar = KnownScalar.read(bytes, at: index) else {
                    words.removeSubrange(mark...)
                    return false
                }
                index += scalar.width
                if scalar.kind == .letter {  // two bytes
                    scratch[length] = scalar.lead
                    scratch[length + 1] = scalar.trail
                    length += 2
                    key = Vocabulary.key(Vocabulary.key(key, scalar.lead), scalar.trail)
                } else if length > 0 {
                    words.append(word(UnsafeBufferPointer(rebasing: scratch[0..<length]), key: key))
                    length = 0
                    key = 0
                }
            }
            if length > 0 { words.append(word(UnsafeBufferPointer(rebasing: scratch[0..<length]), key: key)) }
            return true
        }
    }

    @inline(__always)
    private func word(_ bytes: UnsafeBufferPointer<UInt8>, key: UInt64) -> Word {
        Word(
            id: vocabulary.id(bytes: bytes, hash: Vocabulary.hash(key: key, length: bytes.count)),
            patterns: bytes.count < shortestPattern ? 0 : patternBits(bytes))
    }

    private func patternBits(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var candidates = byFirstByte[Int(word[0])] | byLastByte[Int(word[word.count - 1])] | infixBits
        var bits: UInt64 = 0
        patternPool.withUnsafeBufferPointer { pool in
            while candidates != 0 {
                let bit = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                let count = patternLengths[bit]
                guard count <= word.count else { continue }
                let pattern = UnsafeBufferPointer(rebasing: pool[patternStarts[bit]..<patternStarts[bit] + count])
                let matched: Bool
                switch patterns[bit] {
                case .prefix: matched = Self.equal(word, 0, pattern)
                case .suffix: matched = Self.equal(word, word.count - count, pattern)
                default: matched = (0...(word.count - count)).contains { Self.equal(word, $0, pattern) }
                }
                if matched { bits |= 1 << UInt64(bit) }
            }
        }
        return bits
    }

    @inline(__always)
    private static func equal(_ word: UnsafeBufferPointer<UInt8>, _ offset: Int, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<pattern.count where word[offset + index] != pattern[index] { return false }
        return true
    }

    // MARK: Phrases

    /// Which phrase lists occur in `words` (a border never takes part in a match).
    func hits(in words: ArraySlice<Word>) -> PhraseHits {
        var hits = PhraseHits()
        let start = words.startIndex
        for index in words.indices {
            let word = words[index]
            if word.id >= 0, Int(word.id) < byFirstID.count {
                for phrase in byFirstID[Int(word.id)] where matchesRest(Int(phrase), words, index) {
                    hits.any |= phraseLists[Int(phrase)]
                    if index == start { hits.leading |= phraseLists[Int(phrase)] }
                }
            }
            var bits = word.patterns
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                bits &= bits - 1
                for phrase in byFirstPattern[bit] where matchesRest(Int(phrase), words, index) {
                    hits.any |= phraseLists[Int(phrase)]
                    if index == start { hits.leading |= phraseLists[Int(phrase)] }
                }
            }
        }
        return hits
    }

    @inline(__always)
    private func matchesRest(_ phrase: Int, _ words: ArraySlice<Word>, _ index: Int) -> Bool {
        let first = partStarts[phrase], end = partStarts[phrase + 1]
        guard index + (end - first) <= words.endIndex else { return false }
        var position = index + 1
        for part in (first + 1)..<end {
            let code = partCodes[part]
            let word = words[position]
            if code >= 0 ? word.id != code : word.patterns & (1 << UInt64(-code - 1)) == 0 { return false }
            position += 1
        }
        return true
    }
}
