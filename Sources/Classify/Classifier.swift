import Foundation
public import VarselModel

/// The pure classification stage: one notice version in, one `Classification` out.
///
/// Why: notices have no structured kind or API field; categories are inconsistent ("Drift",
/// "nyhet", "Nyhet", "OTP"), so kind, APIs and maintenance window come from categories and words
/// together. No I/O, no clock: everything arrives in `ClassificationInput`.
///
/// Never fails and never drops a notice: unknown words give `.news`, unknown APIs give
/// `.unknown` scope (routed to "all" subscribers and KS support), an unreadable maintenance
/// window keeps the kind `.maintenance` with `unparsedWindow` explaining what was tried.
/// The rules and their order: `KindRules` (kind), `APIMatcher` (APIs), `ScopeRules` (scope),
/// `NorwegianDateParser` (window).
///
/// Cost: each text is read once as words (`Lexicon`); dates are read only when the kind rules
/// ask for a window or the kind is maintenance.
public struct Classifier: Sendable {
    private let matcher: APIMatcher
    let components: ComponentMapper
    private let lexicon: Lexicon
    /// The lexicon's phrases and the catalog as written, for `explain`.
    let words: LexiconWords
    let catalog: Catalog
    let dates = NorwegianDateParser()
    /// Every lexicon phrase with its list key, compiled once for `explain`.
    let explainPhrases: [(list: PhraseList, text: String, phrase: Phrase)]

    /// Prepares the name matcher for `catalog` (names and aliases, longest first) and compiles
    /// the phrase lists of `lexicon` (lexicon.toml: built in, or KS's own file).
    public init(catalog: Catalog, lexicon words: LexiconWords) {
        var vocabulary = Vocabulary()
        matcher = APIMatcher(catalog: catalog, vocabulary: &vocabulary)
        components = ComponentMapper(catalog: catalog)
        lexicon = Lexicon(vocabulary: vocabulary, words: words)
        self.words = words
        self.catalog = catalog
        explainPhrases = PhraseList.allCases.flatMap { list in
            words[list.key].map { (list: list, text: $0, phrase: Phrase($0)) }
        }
    }

    /// The notice read as words: title | summary | content with borders, and the phrase lists
    /// found in the title and in the rest.
    func read(_ input: ClassificationInput) -> (words: [Word], titleEnd: Int, title: PhraseHits, body: PhraseHits) {
        var words: [Word] = []
        words.reserveCapacity((input.title.utf8.count + input.summaryText.utf8.count + input.contentText.utf8.count) / 5 + 4)
        lexicon.appendWords(of: input.title, to: &words)
        let titleEnd = words.count
        words.append(.border)
        lexicon.appendWords(of: input.summaryText, to: &words)
        words.append(.border)
        lexicon.appendWords(of: input.contentText, to: &words)
        return (words, titleEnd, lexicon.hits(in: words[..<titleEnd]), lexicon.hits(in: words[(titleEnd + 1)...]))
    }

    public func classify(_ input: ClassificationInput) -> Classification {
        // title | summary | content, as one word list with borders (no phrase spans a border).
        let (words, titleEnd, title, body) = read(input)
        let categories = Set(input.categories.map(APIMatcher.fold))

        // Every window the notice states, read once and only when asked for (the first is the window).
        var windows: [MaintenanceWindow]?
        func readWindows() -> [MaintenanceWindow] {
            if let windows { return windows }
            let texts = [input.title, input.summaryText, input.contentText]
            // Every date and time starts with an ASCII digit, except "i dag", "i kveld", "i morgen".
            let read =
                texts.contains { $0.utf8.contains { $0 &- 0x30 < 10 } || $0.contains("dag") || $0.contains("kveld") || $0.contains("morgen") }
                ? dates.windows(in: texts, published: input.published) : []
            windows = read
            return read
        }
        func readWindow() -> MaintenanceWindow? { readWindows().first }
        // Structured facts win over words (a status page says "investigating", not a phrase).
        if let stated = input.facts?.window { windows = [stated] }
        let evidence = KindRules.Evidence(
            title: title, body: body, categories: categories,
            bodyShoutsResolved: Self.shoutsResolved(input.summaryText) || Self.shoutsResolved(input.contentText))
        let kind =
            input.facts?.kind
            ?? KindRules.kind(evidence) {
                readWindow().map { window in input.published.map { window.start > $0 } ?? true } ?? false
            }
        var named = matcher.apis(categories: input.categories, words: words, titleEnd: titleEnd)
        var unmapped: [String] = []
        if let facts = input.facts, !facts.components.isEmpty {
            let mapped = components.map(facts.components)
            named = Array(Set(named).union(mapped.apis)).sorted()
            unmapped = mapped.unmapped
        }
        // A notice that names only platforms in a source about specific APIs (Folkeregisteret's
        // feed: "Problemer med Altinn-delegering") still concerns those APIs.
        if !named.isEmpty, !input.feedAPIs.isEmpty, named.allSatisfy(matcher.platforms.contains) {
            named = Array(Set(named).union(input.feedAPIs)).sorted()
        }
        let unrecognised = named.isEmpty ? matcher.unrecognisedNames(in: [input.title, input.summaryText, input.contentText]) : []
        let (scope, apis) = ScopeRules.scope(
            apis: named, title: title, body: body, feedAPIs: input.feedAPIs, unmappedComponents: !unmapped.isEmpty,
            unrecognisedAPIs: !unrecognised.isEmpty)

        var classification = Classification(
            kind: kind, apis: apis, scope: scope, severity: input.facts?.severity, unmappedComponents: unmapped)
        classification.environment = EnvironmentRules.environment(title: title, body: body, kind: kind)
        classification.unrecognisedAPIs = unrecognised
        switch kind {
        case .maintenance:
            let found = readWindows()
            classification.maintenanceWindows = found
            if found.isEmpty {
                classification.unparsedWindow = Self.unparsedDescription(input)
            }
        case .cancelled:
            // A status page cancels the maintenance itself (same notice), not one named by title.
            if input.facts?.kind == .cancelled {
                classification.maintenanceWindow = input.facts?.window
            } else {
                classification.cancels = CancelledTitle.cancelled(by: input.title)
            }
        default:
            break
        }
        return classification
    }

    /// Whether `text` has "LØST" in capitals as a word of its own (not inside "LØSTE" or a
    /// lower-case "løst", which is as often "få løst" as "er løst").
    static func shoutsResolved(_ text: String) -> Bool {
        var searchFrom = text.startIndex
        while let range = text.range(of: "LØST", range: searchFrom..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            searchFrom = range.upperBound
        }
        return false
    }

    /// What an operator sees when a maintenance notice has no readable window: the text tried.
    static func unparsedDescription(_ input: ClassificationInput) -> String {
        let summary = input.summaryText.isEmpty ? input.contentText : input.summaryText
        let excerpt = summary.count > 160 ? summary.prefix(160) + "…" : Substring(summary)
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        return "no Norwegian date or time found in title \"\(title)\", summary/content \"\(excerpt)\""
    }
}
