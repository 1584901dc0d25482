import VarselModel

/// lexicon.toml: `[kind]`, `[scope]` and `[environment]` tables of phrase lists
/// (`LexiconWords.keys`). Unknown tables and keys are errors like everywhere else, so a typo in
/// a list name never silently empties a list; each phrase is checked for the pattern syntax
/// `Classify.Phrase` reads, with the file, line and key of the bad one.
enum LexiconDecoding {
    /// At most this many distinct starred words in the whole lexicon (`Classify.Lexicon.maxPatterns`).
    static let maxStarredWords = 64

    static func decode(_ document: TOMLDocument) throws(ConfigError) -> LexiconWords {
        let root = document.rootReader()
        var lists: [String: [String]] = [:]
        var tables: [String: [String]] = [:]
        for key in LexiconWords.keys {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            tables[parts[0], default: []].append(parts[1])
        }
        var starred: Set<String> = []
        for table in ["kind", "scope", "environment"] {
            guard let reader = try root.table(table) else { continue }
            for name in tables[table] ?? [] {
                guard let phrases = try reader.stringArray(name) else { continue }
                for (position, phrase) in phrases.enumerated() {
                    if let problem = problem(in: phrase) {
                        throw .invalidValue(
                            file: reader.file, line: reader.line(of: name, element: position),
                            key: reader.keyPath(name), problem: "\"\(phrase)\": \(problem)")
                    }
                    for word in phrase.split(separator: " ") where word.contains("*") { starred.insert(String(word)) }
                }
                lists["\(table).\(name)"] = phrases.map { $0.lowercased() }
            }
            try reader.rejectUnknownKeys()
        }
        try root.rejectUnknownKeys()
        guard starred.count <= maxStarredWords else {
            throw .invalidValue(
                file: document.file, line: nil, key: "kind",
                problem: "\(starred.count) distinct starred words; at most \(maxStarredWords) fit (write whole words instead)")
        }
        return LexiconWords(lists: lists)
    }

    /// Why `phrase` is not a phrase, or nil: words of letters and digits separated by single
    /// spaces, a `*` only at a word's start or end, and not a bare `*`.
    static func problem(in phrase: String) -> String? {
        if phrase.isEmpty { return "an empty phrase matches nothing" }
        if phrase.hasPrefix(" ") || phrase.hasSuffix(" ") || phrase.contains("  ") {
            return "words must be separated by single spaces, with none at the ends"
        }
        for word in phrase.split(separator: " ") {
            let core = word.drop { $0 == "*" }.reversed().drop { $0 == "*" }
            if core.isEmpty { return "\"\(word)\" has no letters; a word needs at least one letter or digit" }
            if core.contains("*") { return "\"\(word)\": a * may stand only at the start or end of a word" }
            if word.hasPrefix("**") || word.hasSuffix("**") { return "\"\(word)\": use a single *" }
            if let bad = core.first(where: { !($0.isLetter || $0.isNumber) }) {
                return "\"\(word)\" contains \"\(bad)\"; words are letters and digits (the text is split at everything else)"
            }
        }
        return nil
    }
}
