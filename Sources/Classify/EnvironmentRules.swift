import VarselModel

/// Which environment a notice concerns, from the lexicon's `environment.*` lists.
///
/// The title decides when it names an environment ("Ustabil Konsumenttest", "Problem i
/// Produksjon"), else summary + content:
///  1. a phrase naming both (`both`: "i test og produksjon") → `.both`
///  2. words for test and for production → `.both` ("i produksjon fra 1. mars, og i test kort etter")
///  3. words for test only (`test`: testmiljø, konsumenttest, akseptansetest, TT02, Tenor) → `.test`
///     when the title says so; for a change or news naming test only in its text, → `.both` (a
///     production matter with a word on test: "testdata vil være tilgjengelig i playground")
///  4. otherwise → `.production`: an outage or maintenance that names no environment concerns
///     production, and so does news that names none
struct EnvironmentRules: Sendable {
    static func environment(title: PhraseHits, body: PhraseHits, kind: NoticeKind) -> NoticeEnvironment {
        func decide(_ hits: PhraseHits) -> NoticeEnvironment? {
            if hits.contains(.environmentBoth) { return .both }
            let test = hits.contains(.environmentTest)
            let production = hits.contains(.environmentProduction)
            if test && production { return .both }
            if test { return .test }
            if production { return .production }
            return nil
        }
        if let stated = decide(title) { return stated }
        // A change or news naming test only in its text, under a title that names no environment,
        // is a production matter with a word on test ("Testdata vil være tilgjengelig i
        // playground"): both. An outage or maintenance of the test environment stays test.
        if let inText = decide(body) {
            return inText == .test && (kind == .change || kind == .news) ? .both : inText
        }
        return .production
    }
}
