/// Why a notice was classified as it was (`varselvakt notice ID --explain`, and `classification`
/// in the notice JSON): the rule that decided each field and the lexicon phrases found, so KS can
/// see which word to add or remove in lexicon.toml instead of guessing.
public struct ClassificationExplanation: Sendable, Hashable, Codable {
    /// The KindRules step that decided the kind, in words ("6: the text says ...").
    public var kindRule: String
    /// The ScopeRules step that decided the scope.
    public var scopeRule: String
    /// How the environment was decided.
    public var environmentRule: String
    /// How each API was found: catalog id → "named \"Inntekt API\"", "family word mva", ...
    public var apis: [String: String]
    /// Lexicon phrases found in the title, by list key ("kind.incident": ["feil"]).
    public var titlePhrases: [String: [String]]
    /// Lexicon phrases found in the summary and content, by list key.
    public var bodyPhrases: [String: [String]]
    /// Where the maintenance window came from, when there is one.
    public var window: String?

    enum CodingKeys: String, CodingKey {
        case kindRule = "kind_rule", scopeRule = "scope_rule", environmentRule = "environment_rule", apis
        case titlePhrases = "title_phrases", bodyPhrases = "body_phrases", window
    }

    public init(
        kindRule: String, scopeRule: String, environmentRule: String, apis: [String: String],
        titlePhrases: [String: [String]], bodyPhrases: [String: [String]], window: String?
    ) {
        self.kindRule = kindRule
        self.scopeRule = scopeRule
        self.environmentRule = environmentRule
        self.apis = apis
        self.titlePhrases = titlePhrases
        self.bodyPhrases = bodyPhrases
        self.window = window
    }
}
