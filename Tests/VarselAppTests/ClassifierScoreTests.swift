import Foundation
import TestSupport
import Testing
import VarselApp
import VarselConfig

/// Keeps the classifier from regressing on the labelled development set (labels/, written by
/// reading real notices; see labels/README.md). Only the "dev" split is scored here: rules are
/// written from dev and checked on holdout by hand (`varselvakt bench classify --split holdout`).
///
/// The numbers below are FLOORS measured on the day the labels were committed, rounded down to
/// two decimals. Raise them when the classifier gets better; never lower them to make a change pass.
/// (Adding labels changes the set itself: then re-measure with `bench classify --split dev` and say so
/// in the commit.)
@Suite struct ClassifierScoreTests {
    struct Floors {
        var kind: Double
        var apiRecall: Double
        var scopeAll: Double
        var windowStart: Double
        var environment: Double
    }

    func score(_ file: String) throws -> ClassifierScore {
        try ClassifierScore.run(
            labelsFile: Fixtures.root.appendingPathComponent("labels/\(file)").path, feedsDirectory: Fixtures.feeds.path,
            catalog: try ConfigLoader.loadCatalog(path: Fixtures.catalog.path), split: "dev")
    }

    func check(_ score: ClassifierScore, _ floors: Floors) {
        #expect(score.notices > 0)
        #expect((score.kind.accuracy ?? 0) >= floors.kind, "kind \(score.kind.right)/\(score.kind.total)")
        #expect((score.apis.accuracy ?? 0) >= floors.apiRecall, "api recall \(score.apis.right)/\(score.apis.total)")
        #expect((score.scopeAll.accuracy ?? 0) >= floors.scopeAll, "scope all \(score.scopeAll.right)/\(score.scopeAll.total)")
        #expect(
            (score.windowStart.accuracy ?? 0) >= floors.windowStart,
            "window start \(score.windowStart.right)/\(score.windowStart.total)")
        #expect(
            (score.environment.accuracy ?? 0) >= floors.environment,
            "environment \(score.environment.right)/\(score.environment.total)")
    }

    @Test func folkeregisteretDevSplitDoesNotRegress() throws {
        // Floors (measured 2026-12-07 on all 385 dev labels with the language rules of lexicon.toml:
        // kind 369/385, apis 350/356, scope 19/39, window 81/96; holdout then: kind 150/165,
        // window 35/38; environment dev 379/385, holdout 161/165; scope all dev 35/39, holdout 8/13):
        // raise, never lower. Window raised to 0.93 with the window forms of issue 10 item 5
        // (dev window 81/96 -> 90/96; holdout 35/38 unchanged).
        check(
            try score("folkeregisteret.labels.json"),
            Floors(kind: 0.97, apiRecall: 0.98, scopeAll: 1.00, windowStart: 0.93, environment: 0.98))
    }

    @Test func atomLabelsDoNotRegress() throws {
        // The 42 Atom labels have no split field: all count as dev. Floors: raise, never lower.
        check(try score("skatteetaten-atom-2024-01-22.labels.json"), Floors(kind: 1.00, apiRecall: 1.00, scopeAll: 1.00, windowStart: 1.00, environment: 1.00))
    }
}
