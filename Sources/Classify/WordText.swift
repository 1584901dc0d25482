/// A text seen as lower-cased words: maximal runs of letters and digits. Everything else
/// (spaces, punctuation, hyphens, apostrophes) is a word break, so "Skattemelding-api" is the
/// words "skattemelding" "api" and "URL'er" is "url" "er".
///
/// Why words and not substrings: API names must match on word boundaries ("Inntektsmottakere"
/// is not "Inntekt", "skatterestanser" is not "Restanser").
///
/// This is the `Character`-based definition: it serves catalog names at start-up and any text the
/// byte tokeniser (`Lexicon.appendWords`) declines, and it is what the byte tokeniser must equal.
enum WordText {
    /// The words of `text`, lower-cased.
    static func words(of text: String) -> [String] {
        var words: [String] = []
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
        return words
    }
}
