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
public struct Classifier: Sendable {
    private let matcher: APIMatcher
    private let dates = NorwegianDateParser()

    /// Prepares the name matcher for `catalog` (names and aliases, longest first).
    public init(catalog: Catalog) {
        matcher = APIMatcher(catalog: catalog)
    }

    public func classify(_ input: ClassificationInput) -> Classification {
        let title = WordText(input.title)
        let body = WordText(joining: [input.summaryText, input.contentText])
        let everything = WordText(joining: [input.title, input.summaryText, input.contentText])
        let categories = Set(input.categories.map(APIMatcher.fold))

        let window = dates.window(in: [input.title, input.summaryText, input.contentText], published: input.published)
        let windowAhead = window.map { window in
            input.published.map { (window.end ?? window.start) > $0 } ?? true
        } ?? false

        let kind = KindRules.kind(title: title, body: body, categories: categories, windowAhead: windowAhead)
        let named = matcher.apis(categories: input.categories, text: everything)
        let (scope, apis) = ScopeRules.scope(apis: named, title: title, body: body, feedAPIs: input.feedAPIs)

        var classification = Classification(kind: kind, apis: apis, scope: scope)
        switch kind {
        case .maintenance:
            classification.maintenanceWindow = window
            if window == nil {
                classification.unparsedWindow = Self.unparsedDescription(input)
            }
        case .cancelled:
            classification.cancels = CancelledTitle.cancelled(by: input.title)
        default:
            break
        }
        return classification
    }

    /// What an operator sees when a maintenance notice has no readable window: the text tried.
    static func unparsedDescription(_ input: ClassificationInput) -> String {
        let summary = input.summaryText.isEmpty ? input.contentText : input.summaryText
        let excerpt = summary.count > 160 ? summary.prefix(160) + "…" : Substring(summary)
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        return "no Norwegian date or time found in title \"\(title)\", summary/content \"\(excerpt)\""
    }
}
