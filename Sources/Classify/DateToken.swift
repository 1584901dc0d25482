/// One token of a Norwegian date/time text: a run of digits, a run of letters, or one other
/// character. Whitespace is not a token; `spaced` records whether some preceded the token, so
/// "05.10.2023" (adjacent) differs from "kl. 18" (spaced).
///
/// Tokens carry what the grammar asks about, not their text: a number's digit count and value,
/// a word's meaning (`DateWord`), a mark's identity (`DateSymbol`).
struct DateToken: Sendable, Equatable {
    enum Kind: UInt8, Sendable { case number, word, symbol }

    let kind: Kind
    let spaced: Bool
    /// Number: how many digits (ASCII only).
    let digits: Int
    /// Number: its value, nil when it has too many digits for an `Int`.
    let number: Int?
    /// Word: what it means to the grammar (`.other` for most words).
    let word: DateWord
    /// Symbol: which mark it is (`.none` for most).
    let symbol: DateSymbol

    func isSymbol(_ mark: DateSymbol) -> Bool { kind == .symbol && symbol == mark && mark != .none }
    var isDash: Bool { kind == .symbol && symbol.isDash }
    func isWord(_ meaning: DateWord) -> Bool { kind == .word && word == meaning && meaning != .other }

    /// Splits `text` into tokens: over UTF-8 bytes when every scalar is in `KnownScalar`'s list,
    /// else by `Character` (`legacyTokens`).
    static func tokens(of text: String, words: DateWords) -> [DateToken] {
        if let tokens = byteTokens(of: text, words: words) { return tokens }
        return legacyTokens(of: text, words: words)
    }

    /// The byte path, or nil when `text` has a scalar outside `KnownScalar`'s list.
    static func byteTokens(of text: String, words: DateWords) -> [DateToken]? {
        guard words.bytesAreExact else { return nil }
        var text = text
        return text.withUTF8 { fastTokens($0, words: words) }
    }

    private static func fastTokens(_ bytes: UnsafeBufferPointer<UInt8>, words: DateWords) -> [DateToken]? {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(bytes.count / 4)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { scratch -> [DateToken]? in
            let scratch = UnsafeMutableBufferPointer(rebasing: scratch[...])
            var current: Kind?  // the run being read: .number, .word or nil
            var length = 0  // word: bytes in scratch; number: digits
            var value = 0
            var spaced = true
            var spacedBeforeCurrent = true
            var index = 0
            while true {
                // The class of the next scalar (nil at the end), with its lower-cased bytes.
                var kind: KnownScalar.Kind?
                var scalar = KnownScalar(kind: .other, width: 1, lead: 0, trail: 0, symbol: .none)
                if index < bytes.count {
                    let byte = bytes[index]
                    let lower = byte | 0x20
                    if byte < 0x80 && lower &- 0x61 < 26 {
                        kind = .letter
                        scalar.lead = lower
                    } else if byte &- 0x30 < 10 {
                        kind = .digit
                        scalar.lead = byte
                    } else {
                        guard let known = KnownScalar.read(bytes, at: index) else { return nil }
                        scalar = known
                        kind = known.kind
                    }
                    index += scalar.width
                }
                // Extend the current run, or close it.
                if kind == .digit && current == .number {
                    length += 1
                    if length <= 18 { value = value &* 10 &+ Int(scalar.lead &- 0x30) }
                    continue
                }
                if kind == .letter && current == .word {
                    scratch[length] = scalar.lead
                    if scalar.width == 2 { scratch[length + 1] = scalar.trail }
                    length += scalar.width
                    continue
                }
                if current == .number {
                    tokens.append(
                        DateToken(
                            kind: .number, spaced: spacedBeforeCurrent, digits: length,
                            number: length <= 18 ? value : nil, word: .other, symbol: .none))
                } else if current == .word {
                    let word = words.meaning(bytes: UnsafeBufferPointer(rebasing: scratch[0..<length]))
                    tokens.append(
                        DateToken(kind: .word, spaced: spacedBeforeCurrent, digits: 0, number: nil, word: word, symbol: .none))
                }
                current = nil
                switch kind {
                case nil:
                    return tokens
                case .whitespace:
                    spaced = true
                case .digit:
                    current = .number
                    spacedBeforeCurrent = spaced
                    spaced = false
                    length = 1
                    value = Int(scalar.lead &- 0x30)
                case .letter:
                    current = .word
                    spacedBeforeCurrent = spaced
                    spaced = false
                    scratch[0] = scalar.lead
                    if scalar.width == 2 { scratch[1] = scalar.trail }
                    length = scalar.width
                case .other:
                    tokens.append(
                        DateToken(kind: .symbol, spaced: spaced, digits: 0, number: nil, word: .other, symbol: scalar.symbol))
                    spaced = false
                }
            }
        }
    }

    /// The `Character`-based definition: whitespace separates, ASCII digits make numbers, letters
    /// make words, anything else is a one-character symbol.
    static func legacyTokens(of text: String, words: DateWords) -> [DateToken] {
        var tokens: [DateToken] = []
        var current = ""
        var currentKind: Kind?
        var spaced = true
        var spacedBeforeCurrent = true

        func flush() {
            if let kind = currentKind {
                let text = current.lowercased()
                tokens.append(
                    DateToken(
                        kind: kind, spaced: spacedBeforeCurrent, digits: kind == .number ? text.count : 0,
                        number: kind == .number ? Int(text) : nil, word: kind == .word ? words.meaning(text) : .other,
                        symbol: kind == .symbol && text.count == 1 ? DateSymbol(text.first!) : .none))
            }
            current = ""
            currentKind = nil
        }

        for character in text {
            let kind: Kind?
            if character.isWhitespace {
                kind = nil
            } else if character.isASCII && character.isNumber {
                kind = .number
            } else if character.isLetter {
                kind = .word
            } else {
                kind = .symbol
            }
            guard let kind else {
                flush()
                spaced = true
                continue
            }
            if kind != currentKind || kind == .symbol {
                flush()
                currentKind = kind
                spacedBeforeCurrent = spaced
                spaced = false
            }
            current.append(character)
        }
        flush()
        return tokens
    }
}

/// What a word means to the date grammar: a month, a connector, a time marker, a weekday.
enum DateWord: UInt8, Sendable {
    case other = 0
    case january = 1, february, march, april, may, june, july, august, september, october, november, december
    case til = 20, og, med, eller, kl, klokken, klokka, weekday
    /// "i" of "i dag", "i kveld", "i morgen"; the day words after it, and their one-word spellings.
    case i = 40, dag, kveld, morgen, idag, ikveld, imorgen
    /// "mellom" before a bare range ("mellom 09-10").
    case mellom = 50
    /// "ca" before an end time ("til ca kl 20:00").
    case ca = 51
    /// A word that postpones or moves an announced day ("utsatt", "flyttet"): the days after it
    /// are the new ones.
    case postponed = 60
    /// A notice word ("driftsvarsel", "nyhet") and what makes a date after it a reference to an
    /// earlier notice ("fra", "av", "datert"; "meldt", "tidligere" before the notice word).
    case noticeWord = 70, referenceLink, referenceMark

    var month: Int? { (1...12).contains(rawValue) ? Int(rawValue) : nil }

    var isTimeMarker: Bool { self == .kl || self == .klokken || self == .klokka }
}

/// The words the date grammar knows ("juni", "jun", "til", "kl", "torsdag"...), looked up by
/// lower-cased bytes or by `String`.
struct DateWords: Sendable {
    private var vocabulary = Vocabulary()
    private var meanings: [DateWord] = []

    var bytesAreExact: Bool { vocabulary.plainOnly }

    init() {
        for (name, month) in DateScanner.months { add(name, DateWord(rawValue: UInt8(month))!) }
        for name in DateScanner.weekdays { add(name, .weekday) }
        let markers: [(String, DateWord)] = [
            ("til", .til), ("og", .og), ("med", .med), ("eller", .eller), ("kl", .kl), ("klokken", .klokken), ("klokka", .klokka),
        ]
        for (name, meaning) in markers { add(name, meaning) }
        let relative: [(String, DateWord)] = [
            ("i", .i), ("dag", .dag), ("kveld", .kveld), ("morgen", .morgen), ("idag", .idag), ("ikveld", .ikveld),
            ("imorgen", .imorgen), ("mellom", .mellom), ("ca", .ca),
        ]
        for (name, meaning) in relative { add(name, meaning) }
        for name in ["utsatt", "utsettes", "flyttet", "flyttes"] { add(name, .postponed) }
        for name in ["driftsvarsel", "driftsvarselet", "driftsmelding", "driftsmeldingen", "varsel", "varselet", "melding", "meldingen", "nyhet", "nyheten", "nyhetsmelding"] {
            add(name, .noticeWord)
        }
        for name in ["fra", "av", "datert"] { add(name, .referenceLink) }
        for name in ["meldt", "tidligere", "forrige"] { add(name, .referenceMark) }
    }

    private mutating func add(_ name: String, _ meaning: DateWord) {
        let id = Int(vocabulary.intern(name))
        if id == meanings.count { meanings.append(meaning) }
    }

    func meaning(_ word: String) -> DateWord {
        let id = vocabulary.id(word)
        return id < 0 ? .other : meanings[Int(id)]
    }

    func meaning(bytes: UnsafeBufferPointer<UInt8>) -> DateWord {
        let id = vocabulary.id(bytes: bytes)
        return id < 0 ? .other : meanings[Int(id)]
    }
}
