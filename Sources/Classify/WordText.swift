/// A text seen as lower-cased words: maximal runs of letters and digits. Everything else
/// (spaces, punctuation, hyphens, apostrophes) is a word break, so "Skattemelding-api" is the
/// words "skattemelding" "api" and "URL'er" is "url" "er".
///
/// Why words and not substrings: API names must match on word boundaries ("Inntektsmottakere"
/// is not "Inntekt", "skatterestanser" is not "Restanser").
struct WordText: Sendable {
    /// The words, lower-cased. An empty string marks the border between two joined texts,
    /// so no phrase matches across it (it equals no pattern part).
    let words: [String]

    init(_ text: String) {
        self.init(joining: [text])
    }

    /// Several texts (title, summary, content) as one word list, with a border between them.
    init(joining texts: [String]) {
        var words: [String] = []
        for (index, text) in texts.enumerated() {
            if index > 0 { words.append("") }
            var current = ""
            for character in text {
                if character.isLetter || character.isNumber {
                    current.append(character)
                } else if !current.isEmpty {
                    words.append(current.lowercased())
                    current = ""
                }
            }
            if !current.isEmpty { words.append(current.lowercased()) }
        }
        self.words = words
    }

    /// Whether any of `phrases` occurs anywhere.
    func contains(any phrases: [Phrase]) -> Bool {
        phrases.contains { phrase in words.indices.contains { phrase.matches(words, at: $0) } }
    }

    /// Whether the text begins with `phrase`.
    func starts(with phrase: Phrase) -> Bool {
        phrase.matches(words, at: 0)
    }
}

/// A sequence of word patterns, written as a string: words separated by spaces, `*` at the end
/// of a word for "starts with", at the start for "ends with", at both ends for "contains".
/// `"driftsproblem*"` matches "driftsproblemer"; `"*problem*"` matches "nettverksproblemer";
/// `"normal drift"` matches the two words in a row.
struct Phrase: Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    enum Part: Sendable, Equatable {
        case exact(String)
        case prefix(String)
        case suffix(String)
        case infix(String)

        func matches(_ word: String) -> Bool {
            switch self {
            case .exact(let text): word == text
            case .prefix(let text): !word.isEmpty && word.hasPrefix(text)
            case .suffix(let text): !word.isEmpty && word.hasSuffix(text)
            case .infix(let text): !word.isEmpty && word.contains(text)
            }
        }
    }

    let parts: [Part]
    let description: String

    init(_ pattern: String) {
        description = pattern
        parts = pattern.lowercased().split(separator: " ").map { piece in
            let leading = piece.hasPrefix("*")
            let trailing = piece.hasSuffix("*") && piece.count > 1
            let core = String(piece.drop { $0 == "*" }.reversed().drop { $0 == "*" }.reversed())
            switch (leading, trailing) {
            case (true, true): return .infix(core)
            case (true, false): return .suffix(core)
            case (false, true): return .prefix(core)
            case (false, false): return .exact(core)
            }
        }
    }

    init(stringLiteral value: String) {
        self.init(value)
    }

    /// Whether the phrase occurs in `words` starting at `index`.
    func matches(_ words: [String], at index: Int) -> Bool {
        guard !parts.isEmpty, index >= 0, index + parts.count <= words.count else { return false }
        for (offset, part) in parts.enumerated() where !part.matches(words[index + offset]) {
            return false
        }
        return true
    }
}
