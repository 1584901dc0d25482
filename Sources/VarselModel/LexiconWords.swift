/// The words the classifier reads notices by, as data: lists of phrases keyed by
/// `"table.key"` as written in lexicon.toml (`"kind.resolved_title"`, `"scope.skatteetaten_wide"`).
///
/// Why data: Norwegian has many ways to say "down", "fixed" or "postponed", and KS must be able
/// to add a word without a new build (a lexicon file beside the config overrides the built-in
/// one). A phrase is words separated by spaces; `*` at a word's end means "starts with", at its
/// start "ends with", at both "contains" (`Classify.Phrase`). `VarselConfig` loads and validates
/// the file; `Classify` compiles the lists; which list means what is stated in lexicon.toml.
public struct LexiconWords: Sendable, Hashable {
    /// Phrases by list key; a key missing here is an empty list.
    public var lists: [String: [String]]

    public init(lists: [String: [String]]) {
        self.lists = lists
    }

    /// Every list key the classifier reads, in the order lexicon.toml presents them.
    public static let keys: [String] = [
        "kind.cancelled_leading", "kind.cancelled", "kind.postponed", "kind.postponed_undated", "kind.resolved_title", "kind.resolved_body",
        "kind.unresolved_body", "kind.planned", "kind.incident", "kind.incident_body", "kind.maintenance",
        "kind.downtime", "kind.ongoing", "kind.upcoming", "kind.change", "kind.news", "kind.label",
        "scope.skatteetaten_wide", "scope.publisher_wide",
        "environment.test", "environment.production", "environment.both",
    ]

    /// The phrases of one list.
    public subscript(key: String) -> [String] { lists[key] ?? [] }
}
