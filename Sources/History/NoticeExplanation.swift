public import Classify
import NoticeStore
public import VarselConfig
public import VarselModel

extension VarselvaktConfig {
    /// Why `notice` is classified as it is, by the catalog and lexicon in force now (which may
    /// differ from those it was stored with: that difference is itself worth seeing).
    /// - Parameter classifier: this configuration's classifier, when the caller keeps one (the
    ///   web's `HistoryReader` does: compiling the catalog and lexicon cost more than explaining).
    public func explain(_ notice: NoticeRecord, with classifier: Classifier? = nil) -> ClassificationExplanation {
        (classifier ?? Classifier(catalog: catalog, lexicon: lexicon)).explain(
            ClassificationInput(entry: notice.entry, feedAPIs: feed(notice.feedID)?.apis ?? []))
    }
}

/// `ClassificationExplanation` as the CLI prints it (`notice ID --explain`).
public enum ExplanationText {
    public static func render(_ e: ClassificationExplanation) -> String {
        var lines = ["Why it is classified so:", "  kind:        \(e.kindRule)", "  scope:       \(e.scopeRule)"]
        for (id, reason) in e.apis.sorted(by: { $0.key < $1.key }) { lines.append("  api \(id): \(reason)") }
        lines.append("  environment: \(e.environmentRule)")
        if let window = e.window { lines.append("  window:      \(window)") }
        for (label, phrases) in [("title", e.titlePhrases), ("text", e.bodyPhrases)] where !phrases.isEmpty {
            lines.append("  lexicon phrases in the \(label):")
            for (key, found) in phrases.sorted(by: { $0.key < $1.key }) {
                lines.append("    \(key): " + found.map { "\"\($0)\"" }.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
