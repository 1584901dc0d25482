import Classify
import VarselModel

extension Classifier {
    /// Classifies every update that records a new version of its notice (the only ones whose
    /// classification can have changed), keyed by notice.
    /// - Parameter feedAPIs: the catalog ids the feed concerns when a notice names none.
    func classifications(of updates: [NoticeUpdate], feedAPIs: [String]) -> [NoticeID: Classification] {
        var result: [NoticeID: Classification] = [:]
        for update in updates where update.recordsVersion {
            guard let entry = update.entry else { continue }
            result[update.noticeID] = classify(ClassificationInput(entry: entry, feedAPIs: feedAPIs))
        }
        return result
    }
}
