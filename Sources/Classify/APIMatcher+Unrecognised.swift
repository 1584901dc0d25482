import VarselModel

extension APIMatcher {
    /// Words that stand before "API" without naming one ("Skatteetatens API", "nye API").
    static let notAName: Set<String> = [
        "et", "ett", "en", "nytt", "nye", "ny", "vårt", "våre", "deres", "dette", "disse", "det", "den", "de", "alle",
        "samme", "hvilket", "hvilke", "eksterne", "eksternt", "skatteetatens", "skatteetaten", "open", "rest", "vårt",
        "sitt", "sine", "ditt", "dine", "gamle", "gammelt", "eget", "egne", "hvert", "hver", "ethvert", "i", "til",
        "fra", "for", "med", "av", "på", "om", "og", "eller", "the", "an", "a", "our", "this", "som", "alt",
    ]

    /// API-like names in `texts` that no catalog entry has: a word followed by "API" ("Skattekort
    /// API", "skattekort-api", "skattekort.api.skatteetaten.no"), written as "Skattekort API",
    /// in order of first appearance. Called only for a notice where no catalog API was found:
    /// it decides between scope `unknown` (something unrecognised was named) and `all`.
    func unrecognisedNames(in texts: [String]) -> [String] {
        var names: [String] = []
        for text in texts {
            let words = WordText.words(of: text)
            for index in words.indices.dropFirst() where words[index] == "api" || words[index] == "apiet" {
                let word = words[index - 1]
                guard word.count > 1, !Self.notAName.contains(word), word.contains(where: \.isLetter),
                    !knownNameWords.contains(word)
                else { continue }
                let name = word.prefix(1).uppercased() + word.dropFirst() + " API"
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }
}
