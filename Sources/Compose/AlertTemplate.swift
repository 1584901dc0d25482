import VarselModel

/// The kinds of alert, each with its own subject, text and HTML template, and the partials they
/// share. File names are `<kind>-subject.mustache`, `<kind>-text.mustache`,
/// `<kind>-html.mustache` and `partial-<name>.mustache` in the templates folder.
enum AlertTemplate: String, Sendable, CaseIterable {
    case new
    case changed
    case withdrawn
    case reappeared
    case cancelled
    case maintenance
    /// varselvakt's own probe incidents (feed `varselvakt-probes`): every change, one wording;
    /// the notice text varselvakt wrote says what happened.
    case probe

    /// Partials the shipped templates include (`{{> partial-header-text}}`); a missing partial
    /// would otherwise render as nothing, silently.
    static let partials = [
        "partial-header-text", "partial-footer-text", "partial-notice-text", "partial-diff-text",
        "partial-header-html", "partial-footer-html", "partial-notice-html", "partial-diff-html",
    ]

    /// Every template name the composer needs, without the extension.
    static var requiredNames: [String] {
        allCases.flatMap { [$0.subject, $0.text, $0.html] } + partials
    }

    var subject: String { "\(rawValue)-subject" }
    var text: String { "\(rawValue)-text" }
    var html: String { "\(rawValue)-html" }

    /// Which alert a change gets: the change type decides, except that a new notice of kind
    /// cancelled or maintenance gets its own wording (the kind as routed, `change.kind`), and a
    /// notice that became a cancellation by changing or vanishing (a status page's maintenance
    /// completed or deleted before its window) is announced as cancelled, not as edited or withdrawn.
    static func choose(for change: ChangeRecord) -> AlertTemplate? {
        if change.feedID == .probes { return change.change.isAlerting ? .probe : nil }
        return switch change.change {
        case .changed: change.kind == .cancelled ? .cancelled : .changed
        case .withdrawn: change.kind == .cancelled ? .cancelled : .withdrawn
        case .reappeared: .reappeared
        case .new:
            switch change.kind {
            case .cancelled: .cancelled
            case .maintenance: .maintenance
            default: .new
            }
        case .baseline, .expired: nil
        }
    }
}
