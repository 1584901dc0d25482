import VarselModel

/// Phrases that say a notice concerns services in general rather than named APIs.
///
/// Two lists, because "our services" means different things in different feeds:
/// * `skatteetatenWide` names Skatteetaten (or its shared infrastructure) outright: "en rekke av
///   Skatteetatens systemer", "Skatteetatens tjenester", "api.skatteetaten.no". Always `.all`.
/// * `publisherWide` says "our services" ("våre delingstjenester", "tjenestene våre"): in the API
///   feed that is every API (`.all`); in Folkeregisteret's feed it is Folkeregisteret (the feed's
///   own APIs).
struct ScopeRules: Sendable {
    /// Decides scope and final API list. Order, first hit wins:
    ///  1. a Skatteetaten-wide phrase in the title → `.all` (named APIs are kept in `apis` as
    ///     examples: "Skatteetaten får nye URL'er til eksterne api'er" lists three APIs as examples
    ///     but concerns every API)
    ///  2. a Skatteetaten-wide phrase in summary/content when the only APIs named are the
    ///     source's own (Folkeregisteret's feed: "Skatteetatens tjenester, herunder Folkeregisteret")
    ///     → `.all`
    ///  2b. named APIs → `.apis`
    ///  3. a Skatteetaten-wide phrase in summary/content → `.all`
    ///  4. status-page components that no catalog entry maps → `.unknown`: the page says which
    ///     part is affected, we just do not know it, so KS must see it (and extend the catalog)
    ///  5. the source is about specific APIs (`feedAPIs`, e.g. Folkeregisteret's feed) → those, `.apis`
    ///  6. a publisher-wide phrase ("våre delingstjenester") → `.all`
    ///  7. an API-like name the catalog does not know ("Skattekort API", "skattekort-api") →
    ///     `.unknown` (routed to "all" subscribers and KS support, and recorded for the catalog)
    ///  8. otherwise `.all`: a notice that names no API concerns everyone who uses the APIs
    static func scope(
        apis: [String], title: PhraseHits, body: PhraseHits, feedAPIs: [String], unmappedComponents: Bool = false,
        unrecognisedAPIs: Bool = false
    ) -> (NoticeScope, [String]) {
        let decision = decide(
            apis: apis, title: title, body: body, feedAPIs: feedAPIs, unmappedComponents: unmappedComponents,
            unrecognisedAPIs: unrecognisedAPIs)
        return (decision.scope, decision.apis)
    }

    /// `scope` with the rule that decided it, in words (`notice ID --explain`).
    static func decide(
        apis: [String], title: PhraseHits, body: PhraseHits, feedAPIs: [String], unmappedComponents: Bool,
        unrecognisedAPIs: Bool
    ) -> (scope: NoticeScope, apis: [String], rule: String) {
        if title.contains(.skatteetatenWide) {
            return (.all, apis, "1: the title names Skatteetaten as a whole (scope.skatteetaten_wide)")
        }
        // "Skatteetatens tjenester, herunder Folkeregisteret": the feed's own API named as an
        // example of something Skatteetaten-wide.
        if body.contains(.skatteetatenWide) && !feedAPIs.isEmpty && Set(apis).isSubset(of: feedAPIs) {
            return (.all, apis, "2: the text names Skatteetaten as a whole; only the source's own API is named")
        }
        if !apis.isEmpty { return (.apis, apis, "2b: the notice names APIs") }
        if unmappedComponents { return (.unknown, [], "4: status-page components no catalog entry maps") }
        if body.contains(.skatteetatenWide) {
            return (.all, [], "3: the text names Skatteetaten as a whole (scope.skatteetaten_wide)")
        }
        if !feedAPIs.isEmpty { return (.apis, Array(Set(feedAPIs)).sorted(), "5: the source's own APIs (feeds[].apis)") }
        if title.contains(.publisherWide) || body.contains(.publisherWide) {
            return (.all, [], "6: \"our services\" (scope.publisher_wide)")
        }
        // Names something API-like the catalog lacks: KS must see it (and extend the catalog).
        if unrecognisedAPIs { return (.unknown, [], "7: names an API the catalog does not know") }
        // Names no API at all: it concerns everyone who uses Skatteetaten's APIs.
        return (.all, [], "8: names no API, so it concerns everyone")
    }
}
