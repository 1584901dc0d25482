public import VarselModel

extension Classifier {
    /// Why `classify(input)` decides as it does: the rule behind each field and the lexicon
    /// phrases found. Reads the notice again the slow, plain way (String words and
    /// `Phrase.matches`): it runs on demand for one notice, never in a poll.
    public func explain(_ input: ClassificationInput) -> ClassificationExplanation {
        let result = classify(input)
        let (_, _, title, body) = read(input)
        let titleWords = WordText.words(of: input.title)
        let bodyWords = WordText.words(of: input.summaryText) + [""] + WordText.words(of: input.contentText)

        let kindRule: String
        if let stated = input.facts?.kind {
            kindRule = "the status page says \(input.facts?.status ?? stated.rawValue)"
        } else {
            let evidence = KindRules.Evidence(
                title: title, body: body, categories: Set(input.categories.map(APIMatcher.fold)),
                bodyShoutsResolved: Self.shoutsResolved(input.summaryText) || Self.shoutsResolved(input.contentText))
            kindRule = KindRules.decide(evidence) {
                dates.window(in: [input.title, input.summaryText, input.contentText], published: input.published)
                    .map { window in input.published.map { window.start > $0 } ?? true } ?? false
            }.rule
        }
        let scopeRule = ScopeRules.decide(
            apis: result.scope == .apis || result.scope == .all ? result.apis : [], title: title, body: body,
            feedAPIs: input.feedAPIs, unmappedComponents: !result.unmappedComponents.isEmpty,
            unrecognisedAPIs: !result.unrecognisedAPIs.isEmpty
        ).rule

        let titleFound = found(in: titleWords, lists: title)
        let bodyFound = found(in: bodyWords, lists: body)
        var environmentRule: String
        let envKeys = ["environment.both", "environment.test", "environment.production"]
        if envKeys.contains(where: { titleFound[$0] != nil }) {
            environmentRule = "the title names it: " + envKeys.compactMap { titleFound[$0]?.joined(separator: ", ") }.joined(separator: "; ")
        } else if envKeys.contains(where: { bodyFound[$0] != nil }) {
            environmentRule = "the text names it: " + envKeys.compactMap { bodyFound[$0]?.joined(separator: ", ") }.joined(separator: "; ")
        } else {
            environmentRule = "no environment named"
        }
        environmentRule += " → \(result.environment.rawValue)"
        if result.environment == .both && !envKeys.contains(where: { titleFound[$0] != nil })
            && bodyFound["environment.production"] == nil && bodyFound["environment.both"] == nil
        {
            environmentRule += " (a change or news that names test only in its text)"
        }

        var apiEvidence: [String: String] = [:]
        let allWords = titleWords + [""] + bodyWords
        for id in result.apis {
            apiEvidence[id] = apiReason(id, words: allWords, input: input)
        }

        var window: String?
        if input.facts?.window != nil {
            window = "stated by the status page (scheduled_for, scheduled_until)"
        } else if let read = result.maintenanceWindow {
            window = "read from the text: \(read.start)" + (read.end.map { " to \($0)" } ?? ", no end given")
        } else if let unparsed = result.unparsedWindow {
            window = unparsed
        }
        return ClassificationExplanation(
            kindRule: kindRule, scopeRule: scopeRule, environmentRule: environmentRule, apis: apiEvidence,
            titlePhrases: titleFound, bodyPhrases: bodyFound, window: window)
    }

    /// Every lexicon phrase that occurs in `words`, by list key.
    /// A phrase whose first word is exact is tried only where that word occurs (most are; the
    /// notice page explains on every view, and trying every phrase at every word of a long
    /// notice was half of that page's time). Others are tried everywhere, as before.
    /// `lists` are the lists the fast path found in the same text (FastPathTests hold the two
    /// paths to the same words): a phrase of any other list cannot match, so it is not tried.
    private func found(in words: [String], lists: PhraseHits) -> [String: [String]] {
        var positions: [String: [Int]] = [:]
        for (index, word) in words.enumerated() { positions[word, default: []].append(index) }
        // Where each starred first word ("*problem*", "planlagt*") matches, found once: the same
        // pattern opens phrases in several lists.
        var starred: [Phrase.Part: [Int]] = [:]
        var hits: [String: [String]] = [:]
        for (list, text, phrase) in explainPhrases where lists.contains(list) {
            let key = list.key
            guard let first = phrase.parts.first else { continue }
            let candidates: [Int]
            if case .exact(let word) = first {
                candidates = positions[word] ?? []
            } else if let known = starred[first] {
                candidates = known
            } else {
                candidates = words.indices.filter { first.matches(words[$0]) }
                starred[first] = candidates
            }
            if candidates.contains(where: { phrase.matches(words, at: $0) }) {
                hits[key, default: []].append(text)
            }
        }
        return hits
    }

    private func apiReason(_ id: String, words: [String], input: ClassificationInput) -> String {
        guard let api = catalog.api(id) else { return "the source's apis" }
        for name in [api.name] + api.aliases + APIMatcher.slugs(of: api).map({ "\($0) api" }) {
            let phrase = Phrase(WordText.words(of: name).joined(separator: " "))
            if !phrase.parts.isEmpty && words.indices.contains(where: { phrase.matches(words, at: $0) }) {
                return "named \"\(name)\""
            }
        }
        if let facts = input.facts, facts.components.contains(where: { components.api(for: $0) == id }) {
            return "status-page component"
        }
        let folded = Set(input.categories.map(APIMatcher.fold))
        if let category = api.categories.first(where: folded.contains) { return "category \"\(category)\"" }
        if let family = api.categories.first(where: { words.contains($0) }) { return "family word \"\(family)\"" }
        if input.feedAPIs.contains(id) { return "the source's apis (feeds[].apis)" }
        return "slug or compound"
    }
}
