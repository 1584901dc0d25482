import VarselModel

/// The values a template can use, built once per alert. Dictionaries rather than structs:
/// swift-mustache looks keys up in a `[String: Any]` directly, while a struct goes through
/// `Mirror` on every lookup. A value that is absent is left out (never stored as nil), so
/// `{{#link}}...{{/link}}` sections disappear cleanly. The keys are documented for operators
/// in templates/README.md; keep the two in step.
enum AlertView {
    static func make(
        _ context: AlertContext, template: AlertTemplate, time: NorwegianTime, apiNames: [String: String]
    ) -> [String: Any] {
        let change = context.change
        let notice = context.notice
        let planned = context.delivery.planned
        let entry = context.version?.entry ?? notice.entry

        var view: [String: Any] = [
            "name": planned.subscriberName,
            "title": change.title,
            "kind": kindLabel(change.kind),
            "reason": ReasonText.sentence(for: planned.reason, apiNames: apiNames),
            "noticeID": notice.id.rawValue,
            "feed": notice.feedID.rawValue,
            "changedAt": time.long(change.at),
            "text": bodyText(entry),
        ]
        if let link = webLink(entry.link ?? notice.entry.link) { view["link"] = link }
        if !entry.contentHTML.isEmpty { view["html"] = entry.contentHTML }
        if let published = entry.published ?? notice.entry.published { view["published"] = time.long(published) }
        if let version = context.version { view["seq"] = version.seq }

        switch change.scope {
        case .apis where !change.apis.isEmpty:
            let names = change.apis.map { apiNames[$0] ?? $0 }
            view["apis"] = names.map { ["name": $0] as [String: Any] }
            view["apisText"] = names.joined(separator: ", ")
        case .all:
            view["scopeAll"] = true
        default:
            view["scopeUnknown"] = true
        }

        let classification = notice.classification
        if let window = classification.maintenanceWindow {
            view["window"] = time.window(window)
            view["windowShort"] = time.shortWindow(window)
            // Every window the notice announces ("kl. 00-02 og kl. 18-20"), the first one first.
            let all = classification.maintenanceWindows.isEmpty ? [window] : classification.maintenanceWindows
            view["windows"] = all.map { time.window($0) }
        } else if let raw = classification.unparsedWindow, !raw.isEmpty {
            view["unparsedWindow"] = raw
        }
        if let cancelled = context.cancelledTitle ?? classification.cancels, !cancelled.isEmpty {
            view["cancelledTitle"] = cancelled
        } else if change.kind == .cancelled, change.change != .new {
            // A status page cancels the maintenance itself: the notice names what is cancelled.
            view["cancelledTitle"] = change.title
        }
        if change.kind == .resolved { view["resolved"] = true }
        if let severity = change.severity ?? classification.severity { view["severity"] = severityLabel(severity) }
        if template == .changed { view["diff"] = diff(context) }
        return view
    }

    /// The content as plain text; the summary when a feed gives no content.
    static func bodyText(_ entry: FeedEntry) -> String {
        entry.contentText.isEmpty ? entry.summaryText : entry.contentText
    }

    /// Old against new: the title when it changed, and the changed lines of the text.
    private static func diff(_ context: AlertContext) -> [String: Any] {
        guard let previous = context.previousVersion?.entry, let current = context.version?.entry else {
            return ["unavailable": true]
        }
        var diff: [String: Any] = [:]
        if previous.title != current.title {
            diff["titleBefore"] = previous.title
            diff["titleAfter"] = current.title
        }
        var lines = LineDiff.diff(old: bodyText(previous), new: bodyText(current))
        if lines.isEmpty { lines = LineDiff.diff(old: previous.summaryText, new: current.summaryText) }
        if !lines.isEmpty {
            diff["lines"] = lines.map { line -> [String: Any] in
                // Every mark is present (true or false): a missing key would make Mustache
                // search the enclosing contexts for it, on every line.
                [
                    "line": line.text, "same": line.mark == .same, "removed": line.mark == .removed,
                    "added": line.mark == .added, "gap": line.mark == .gap,
                ]
            }
        }
        if diff.isEmpty { diff["empty"] = true }
        return diff
    }

    /// Only http(s) links become `href`s: a feed is outside input, and a `javascript:` link
    /// must not reach a mail client as something to click.
    static func webLink(_ link: String?) -> String? {
        guard let link else { return nil }
        let lower = link.prefix(8).lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? link : nil
    }

    /// The kind in words, as a reader would say it.
    /// Statuspage's impact in the words its Norwegian pages use.
    static func severityLabel(_ severity: Severity) -> String {
        switch severity {
        case .none: "ingen påvirkning"
        case .minor: "mindre"
        case .major: "alvorlig"
        case .critical: "kritisk"
        }
    }

    static func kindLabel(_ kind: NoticeKind) -> String {
        switch kind {
        case .incident: "driftsproblemer"
        case .resolved: "normal drift"
        case .maintenance: "planlagt vedlikehold"
        case .change: "endring"
        case .news: "nyhet"
        case .cancelled: "avlysning"
        }
    }
}
