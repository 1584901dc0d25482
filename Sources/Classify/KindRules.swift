import VarselModel

/// The words that decide a notice's kind (DOMAIN.md section 3), and the order they are tried in.
///
/// Order, first hit wins (title words weigh most, then summary + content, then the title's
/// generic label):
///  1. title begins with "Utgår", or has "avlyst"/"avlyses"/"AVLYST" → `.cancelled`
///  2. title says it is over ("løst", "LØST", "normal drift", "oppe igjen", "rettet") → `.resolved`
///  3. title "planlagt" → `.maintenance`
///  4. title names a problem ("driftsproblemer", "problem", "ustabil", "feil", "i gang") → `.incident`
///     (so "Nedetid i Restanser API er i gang" is an incident, not maintenance)
///  5. title "vedlikehold" (also "Driftsvedlikehold") → `.maintenance`
///  6. title "nedetid", "utilgjengelig", "oppgradering" → `.maintenance` when a window that has not
///     yet ended was read, else `.incident` (downtime happening now)
///  7. title "versjon", "årsrevisjon", "sanering", "URL", "Open API", "endring" → `.change`
///  8. summary + content, steps 2-6 with the body's wording (resolution phrases stricter: "er løst",
///     not "få løst"); skipped when the feed tagged the entry "Nyhet" and not "Drift", because news
///     texts say "Skatteetaten er i gang med å tilrettelegge"
///  9. title is only a label ("Driftsvarsel 13.11.2023", "Driftsmelding - ...") → `.incident`
/// 10. summary + content change words → `.change`
/// 11. otherwise `.news`
///
/// Known limit: a title that names a problem wins over a body saying it is fixed
/// ("Driftsmelding - Driftsproblemer 15.08.2024": "Feilen er nå løst") → `.incident`. Alerting a
/// fixed problem as an incident is the cheaper mistake.
struct KindRules: Sendable {
    /// Decides the kind from the phrase lists found in the title and in summary + content.
    /// `windowAhead` says whether a maintenance window was read that has not ended by the notice's
    /// publication (or no publication date is known); it is asked only for downtime words, because
    /// reading dates is the expensive part.
    static func kind(
        title: PhraseHits, body: PhraseHits, categories: Set<String>, windowAhead: () -> Bool
    ) -> NoticeKind {
        if title.starts(with: .cancelledLeading) || title.contains(.cancelled) { return .cancelled }
        if title.contains(.resolvedTitle) { return .resolved }
        if title.contains(.planned) { return .maintenance }
        if title.contains(.incident) { return .incident }
        if title.contains(.maintenance) { return .maintenance }
        if title.contains(.downtime) { return windowAhead() ? .maintenance : .incident }
        if title.contains(.change) { return .change }

        let newsOnly = categories.contains("nyhet") && !categories.contains("drift")
        if !newsOnly {
            if body.contains(.resolvedBody) { return .resolved }
            if body.contains(.incidentBody) { return .incident }
            if body.contains(.planned) || body.contains(.maintenance) { return .maintenance }
            if body.contains(.downtime) && windowAhead() { return .maintenance }
        }
        if title.contains(.label) { return .incident }
        if body.contains(.change) { return .change }
        return .news
    }
}
