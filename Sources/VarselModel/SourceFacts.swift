public import Foundation

/// How bad a status-page incident is, as its page says (Statuspage `impact`).
///
/// Only structured sources have it; a notice from an Atom or RSS feed has no severity, and a
/// subscriber's `min_severity` filter lets such notices through (words are not a severity, and an
/// unknown severity never drops a notice).
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case none
    case minor
    case major
    case critical

    private var rank: Int {
        switch self {
        case .none: 0
        case .minor: 1
        case .major: 2
        case .critical: 3
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A component of a status page ("Summert skattegrunnlag API", "Maskinporten") as an incident
/// names it. Statuspage gives each component a stable `code`; names are edited by the page's
/// owner, so the catalog's `status_components` prefers codes. Legacy payloads carry no code.
public struct StatusComponent: Sendable, Hashable, Codable, Comparable {
    /// The component's id on its page (Statuspage `code` or `id`), nil when the source gave none.
    public var code: String?
    /// The component's display name on the page.
    public var name: String

    public init(code: String?, name: String) {
        self.code = code
        self.name = name
    }

    public static func < (a: StatusComponent, b: StatusComponent) -> Bool {
        (a.name, a.code ?? "") < (b.name, b.code ?? "")
    }
}

/// What a structured source (a status page) already states about an entry, so `Classify` need
/// not guess it from words: the kind from the incident's status, the window from
/// `scheduled_for`/`scheduled_until`, the severity from `impact`, the components it concerns.
///
/// Structured facts win over words (DESIGN.md); a field left nil is decided by the text rules.
public struct SourceFacts: Sendable, Hashable, Codable {
    /// The kind the structure says (investigating -> incident, completed -> resolved, ...).
    public var kind: NoticeKind?
    /// The source's own status word for the newest update ("investigating", "scheduled",
    /// "in_progress", or a history feed's label "Identified"), for display and explanations.
    public var status: String?
    public var severity: Severity?
    /// A scheduled maintenance's window.
    public var window: MaintenanceWindow?
    /// Components the incident concerns (its own list and every update's affected components),
    /// sorted, no duplicates.
    public var components: [StatusComponent]
    /// When the newest update was displayed (Statuspage `display_at`; updates can be back-dated).
    public var lastUpdateAt: Date?
    /// Number of updates the source has published for the entry.
    public var updateCount: Int

    public init(
        kind: NoticeKind? = nil, status: String? = nil, severity: Severity? = nil, window: MaintenanceWindow? = nil,
        components: [StatusComponent] = [], lastUpdateAt: Date? = nil, updateCount: Int = 0
    ) {
        self.kind = kind
        self.status = status
        self.severity = severity
        self.window = window
        self.components = components
        self.lastUpdateAt = lastUpdateAt
        self.updateCount = updateCount
    }
}

/// How a configured source is read (`format` in `[[feeds]]`).
public enum SourceFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Find out at start-up: the Statuspage API, then feeds linked from the page, then
    /// `/history.atom` and `/history.rss` (see `sources discover`).
    case auto
    case atom
    case rss
    /// The Statuspage API v2 under the page's base URL (`/api/v2/incidents.json`,
    /// `/api/v2/scheduled-maintenances.json`).
    case statuspage
}
