import VarselModel

/// Which environment a notice concerns, from the lexicon's `environment.*` lists.
///
/// The title decides when it names an environment ("Ustabil Konsumenttest", "Problem i
/// Produksjon"), else summary + content:
///  1. a phrase naming both (`both`: "i test og produksjon") → `.both`
///  2. words for test and for production → `.both` ("i produksjon fra 1. mars, og i test kort etter")
///  3. words for test only (`test`: testmiljø, konsumenttest, akseptansetest, TT02, Tenor) → `.test`
///  4. otherwise → `.production`: an outage or maintenance that names no environment concerns
///     production, and so does news that names none
struct EnvironmentRules: Sendable {
    static func environment(title: PhraseHits, body: PhraseHits) -> NoticeEnvironment {
        func decide(_ hits: PhraseHits) -> NoticeEnvironment? {
            if hits.contains(.environmentBoth) { return .both }
            let test = hits.contains(.environmentTest)
            let production = hits.contains(.environmentProduction)
            if test && production { return .both }
            if test { return .test }
            if production { return .production }
            return nil
        }
        return decide(title) ?? decide(body) ?? .production
    }
}
