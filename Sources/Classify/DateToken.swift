/// One token of a Norwegian date/time text: a run of digits, a run of letters, or one other
/// character. Whitespace is not a token; `spaced` records whether some preceded the token, so
/// "05.10.2023" (adjacent) differs from "kl. 18" (spaced).
struct DateToken: Sendable, Equatable {
    enum Kind: Sendable { case number, word, symbol }

    let kind: Kind
    /// Lower-cased text.
    let text: String
    let spaced: Bool

    var number: Int? { kind == .number ? Int(text) : nil }

    func isSymbol(_ characters: Set<Character>) -> Bool {
        kind == .symbol && text.count == 1 && characters.contains(text.first!)
    }

    func isWord(_ words: Set<String>) -> Bool {
        kind == .word && words.contains(text)
    }

    /// Splits `text` into tokens.
    static func tokens(of text: String) -> [DateToken] {
        var tokens: [DateToken] = []
        var current = ""
        var currentKind: Kind?
        var spaced = true
        var spacedBeforeCurrent = true

        func flush() {
            if let kind = currentKind {
                tokens.append(DateToken(kind: kind, text: current.lowercased(), spaced: spacedBeforeCurrent))
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
