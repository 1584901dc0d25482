import Foundation
import History
import Hummingbird
import NoticeStore
import VarselModel

extension PageRoutes {
    /// `/notices/{id}`: every version with what changed, why it is classified so, maintenance
    /// windows, linked incidents, and who was told (every delivery; a dead one can be sent again).
    func noticePage(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try Self.pathID(context)
        let report = try await deps.history.notice(id)
        let n = report.detail.notice
        let path = RecordViews.noticePath(n.id)
        var notice = RecordViews.notice(n)
        notice["aliases"] = n.aliases.filter { $0 != n.id.rawValue }.joined(separator: ", ")
        notice["scope"] = n.classification.scope.rawValue
        notice["categories"] = n.entry.categories.joined(separator: ", ")
        notice["cancels"] = n.cancelsNoticeID.map { ["id": $0.rawValue, "path": RecordViews.noticePath($0)] } ?? false
        notice["severity"] = n.classification.severity?.rawValue ?? false

        let view: [String: Any] = [
            "notice": notice,
            "versions": Self.versions(report.detail.versions),
            "explanation": Self.explanation(report.explanation),
            "windows": n.classification.maintenanceWindows.map(RecordViews.window),
            "hasWindows": !n.classification.maintenanceWindows.isEmpty,
            "unparsedWindow": n.classification.unparsedWindow ?? false,
            "changes": report.detail.changes.map { change -> [String: Any] in
                [
                    "change": Labels.change(change.change), "at": TimeView.view(change.at), "alerting": change.change.isAlerting,
                    "title": change.title,
                    "routing": report.routing.first { $0.change.id == change.id }?.note ?? false,
                ]
            },
            "incidents": report.incidents.map(RecordViews.incident),
            "hasIncidents": !report.incidents.isEmpty,
            "deliveryRows": RecordViews.deliveryRows(report.deliveries, csrf: context.csrfToken, back: path, on: .noticePage),
            "hasDeliveries": !report.deliveries.isEmpty,
            "deadCount": report.deliveries.filter { $0.status == .dead }.count,
            "hasDead": report.deliveries.contains { $0.status == .dead },
            "actions": report.actions.map(RecordViews.action),
            "hasActions": !report.actions.isEmpty,
        ]
        return renderer.response("notice", page(n.entry.title, current: "/notices", context, view))
    }

    /// The `{id}` path segment, percent-decoded (ids are often URLs, sent as `https%3A%2F%2F…`).
    static func pathID(_ context: WebContext) throws -> String {
        guard let raw = context.parameters.get("id"), let id = raw.removingPercentEncoding, !id.isEmpty else {
            throw PageNotFound(message: "Adressen mangler en id.")
        }
        return id
    }

    /// Newest first; each with the diff from the version before it.
    static func versions(_ versions: [NoticeVersion]) -> [[String: Any]] {
        let ordered = versions.sorted { $0.seq < $1.seq }
        var views: [[String: Any]] = []
        for (index, version) in ordered.enumerated() {
            let previous = index > 0 ? ordered[index - 1] : nil
            var view: [String: Any] = [
                "seq": version.seq, "seen": TimeView.view(version.seenAt), "title": version.entry.title,
                "text": bodyText(version.entry), "first": previous == nil,
                "titleChange": false, "diff": false, "unchangedText": false,
            ]
            if let previous {
                if previous.entry.title != version.entry.title {
                    view["titleChange"] = ["before": previous.entry.title, "after": version.entry.title]
                }
                let lines = TextDiff.diff(old: bodyText(previous.entry), new: bodyText(version.entry))
                if lines.allSatisfy({ $0.mark == .same }) {
                    view["unchangedText"] = true
                } else {
                    view["diff"] = lines.map { line -> [String: Any] in
                        [
                            "text": line.text, "same": line.mark == .same, "added": line.mark == .added,
                            "removed": line.mark == .removed,
                        ]
                    }
                }
            }
            views.append(view)
        }
        return views.reversed()
    }

    static func bodyText(_ entry: FeedEntry) -> String {
        entry.contentText.isEmpty ? entry.summaryText : entry.contentText
    }

    /// `notice ID --explain` as a page section.
    static func explanation(_ e: ClassificationExplanation) -> [String: Any] {
        var phrases: [[String: Any]] = []
        for (place, found) in [("tittelen", e.titlePhrases), ("teksten", e.bodyPhrases)] {
            for (key, words) in found.sorted(by: { $0.key < $1.key }) {
                phrases.append(["place": place, "key": key, "words": words.map { "«\($0)»" }.joined(separator: ", ")])
            }
        }
        return [
            "kind": e.kindRule, "scope": e.scopeRule, "environment": e.environmentRule, "window": e.window ?? false,
            "apis": e.apis.sorted { $0.key < $1.key }.map { ["id": $0.key, "reason": $0.value] },
            "phrases": phrases, "hasPhrases": !phrases.isEmpty,
        ]
    }
}
