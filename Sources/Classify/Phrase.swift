/// A sequence of word patterns, written as a string: words separated by spaces, `*` at the end
/// of a word for "starts with", at the start for "ends with", at both ends for "contains".
/// `"driftsproblem*"` matches "driftsproblemer"; `"*problem*"` matches "nettverksproblemer";
/// `"normal drift"` matches the two words in a row.
///
/// Phrases are compiled once into a `Lexicon`; `Part.matches` is the definition a word is held
/// to (the byte-level fast path must agree with it).
struct Phrase: Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    enum Part: Sendable, Hashable {
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

        var text: String {
            switch self {
            case .exact(let text), .prefix(let text), .suffix(let text), .infix(let text): text
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

    /// Whether the phrase occurs in `words` starting at `index` (the reference definition).
    func matches(_ words: [String], at index: Int) -> Bool {
        guard !parts.isEmpty, index >= 0, index + parts.count <= words.count else { return false }
        for (offset, part) in parts.enumerated() where !part.matches(words[index + offset]) {
            return false
        }
        return true
    }
}

/// The phrase lists of `KindRules`, `ScopeRules` and `EnvironmentRules`, each one bit in
/// `PhraseHits`; their words come from the lexicon (`LexiconWords`, lexicon.toml).
enum PhraseList: Int, CaseIterable, Sendable {
    case cancelledLeading, cancelled, postponed, postponedUndated, resolvedTitle, resolvedBody, unresolvedBody, planned, incident,
        incidentBody, maintenance, downtime, ongoing, upcoming, change, news, label, skatteetatenWide, publisherWide, environmentTest,
        environmentProduction, environmentBoth

    /// The list's key in lexicon.toml (`LexiconWords.keys`).
    var key: String {
        switch self {
        case .cancelledLeading: "kind.cancelled_leading"
        case .cancelled: "kind.cancelled"
        case .postponed: "kind.postponed"
        case .postponedUndated: "kind.postponed_undated"
        case .resolvedTitle: "kind.resolved_title"
        case .resolvedBody: "kind.resolved_body"
        case .unresolvedBody: "kind.unresolved_body"
        case .planned: "kind.planned"
        case .incident: "kind.incident"
        case .incidentBody: "kind.incident_body"
        case .maintenance: "kind.maintenance"
        case .downtime: "kind.downtime"
        case .ongoing: "kind.ongoing"
        case .upcoming: "kind.upcoming"
        case .change: "kind.change"
        case .news: "kind.news"
        case .label: "kind.label"
        case .skatteetatenWide: "scope.skatteetaten_wide"
        case .publisherWide: "scope.publisher_wide"
        case .environmentTest: "environment.test"
        case .environmentProduction: "environment.production"
        case .environmentBoth: "environment.both"
        }
    }
}

/// Which phrase lists occur in a text (`any`), and which occur at its first word (`leading`).
struct PhraseHits: Sendable, Equatable {
    var any: UInt32 = 0
    var leading: UInt32 = 0

    func contains(_ list: PhraseList) -> Bool { any & (1 << UInt32(list.rawValue)) != 0 }
    func starts(with list: PhraseList) -> Bool { leading & (1 << UInt32(list.rawValue)) != 0 }

    static func | (lhs: PhraseHits, rhs: PhraseHits) -> PhraseHits {
        PhraseHits(any: lhs.any | rhs.any, leading: lhs.leading)
    }
}
