public import Foundation

/// Identity of a notice (driftsvarsel, an operational notice) across polls: the id its feed
/// gave it when varselvakt first saw it. A notice whose feed later gives it another id (the
/// Folkeregisteret feed derives guids from titles) keeps its first id; the new one becomes an alias.
public struct NoticeID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: NoticeID, b: NoticeID) -> Bool { a.rawValue < b.rawValue }
}

/// Identity of a configured feed (its `name` in the config, else derived from the URL).
public struct FeedID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: FeedID, b: FeedID) -> Bool { a.rawValue < b.rawValue }
}

/// What a notice is about, as far as words can tell (see `Classify`).
public enum NoticeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Something is broken now ("driftsproblemer", "nedetid ... er i gang").
    case incident
    /// A earlier incident is over ("normal drift", "oppe igjen", "LØST").
    case resolved
    /// Planned downtime or maintenance, usually with a time window.
    case maintenance
    /// A change to an API: new version, new URL, årsrevisjon, sanering.
    case change
    /// Anything else worth knowing.
    case news
    /// A cancellation ("Utgår - ...", "AVLYST") of an earlier notice.
    case cancelled
}

/// Which of Skatteetaten's environments a notice concerns. Municipalities run against
/// production; vendors build against test, so they follow both.
public enum NoticeEnvironment: String, Sendable, Hashable, Codable, CaseIterable {
    case production
    case test
    /// It says so for both ("i Test og Produksjon").
    case both

    /// Whether a subscriber following `environments` is concerned.
    public func concerns(_ environments: Set<NoticeEnvironment>) -> Bool {
        switch self {
        case .both: !environments.isEmpty
        case .production: environments.contains(.production) || environments.contains(.both)
        case .test: environments.contains(.test) || environments.contains(.both)
        }
    }
}

/// How far a notice reaches.
public enum NoticeScope: String, Sendable, Hashable, Codable {
    /// It names specific APIs (`apis` is not empty).
    case apis
    /// It concerns Skatteetaten's services in general ("en rekke av Skatteetatens systemer").
    case all
    /// It names nothing we recognise; routed to everyone subscribed to "all" and KS support.
    case unknown
}

/// Where a notice stands in its feed.
public enum NoticeStatus: String, Sendable, Hashable, Codable {
    /// In the feed at the last successful poll (or missing for fewer polls than the threshold).
    case active
    /// Removed from the feed while still inside its window: Skatteetaten took it back.
    case withdrawn
    /// Fell off the bottom of the windowed feed: old, not taken back. Never alerted.
    case expired
}

/// A planned maintenance window, in absolute time. `end` is nil when the notice gives only a start.
public struct MaintenanceWindow: Sendable, Hashable, Codable {
    public var start: Date
    public var end: Date?
    public init(start: Date, end: Date?) {
        self.start = start
        self.end = end
    }

    /// Whether `date` falls inside the window. A window without an end contains nothing:
    /// we do not guess how long an announced downtime lasts.
    public func contains(_ date: Date) -> Bool {
        guard let end else { return false }
        return date >= start && date < end
    }
}

/// What `Classify` concluded about one version of a notice.
public struct Classification: Sendable, Hashable, Codable {
    public var kind: NoticeKind
    /// Catalog ids of the APIs the notice concerns, sorted, no duplicates.
    public var apis: [String]
    public var scope: NoticeScope
    /// The parsed maintenance window, if the notice announces one that could be read: the first
    /// of `maintenanceWindows`. Setting it replaces that first window (nil clears the list), so
    /// code that knows only one window keeps both properties in step.
    public var maintenanceWindow: MaintenanceWindow? {
        didSet {
            guard maintenanceWindows.first != maintenanceWindow else { return }
            if let maintenanceWindow {
                if maintenanceWindows.isEmpty {
                    maintenanceWindows = [maintenanceWindow]
                } else {
                    maintenanceWindows[0] = maintenanceWindow
                }
            } else {
                maintenanceWindows = []
            }
        }
    }
    /// Every maintenance window the notice announces, in the order it gives them (a notice may
    /// announce several evenings); empty when none could be read. Its first is always
    /// `maintenanceWindow` (setting either keeps the other in step).
    public var maintenanceWindows: [MaintenanceWindow] {
        didSet {
            if maintenanceWindow != maintenanceWindows.first { maintenanceWindow = maintenanceWindows.first }
        }
    }
    /// Set when the notice looks like maintenance but its window could not be read:
    /// the text that was tried, so an operator can see why.
    public var unparsedWindow: String?
    /// For a cancellation: the title of the notice it cancels ("Utgår - X" cancels "X").
    public var cancels: String?
    /// The source's severity (status-page `impact`); nil for feeds, which have none.
    public var severity: Severity?
    /// Status-page components the notice concerns that no catalog entry maps (by code or name);
    /// kept so KS can complete the catalog (`varselvakt sources components`).
    public var unmappedComponents: [String]
    /// The environment the notice concerns; production when it names none (an outage or
    /// maintenance that names no environment concerns production).
    public var environment: NoticeEnvironment = .production
    /// Names in the notice that look like an API ("Skattekort API") but that the catalog does not
    /// know, as written; kept so KS can add them (`varselvakt catalog unknown`). Stored and shown
    /// (`unrecognised_apis`) already; the classifier fills it in (another branch), until then
    /// it is empty.
    public var unrecognisedAPIs: [String]

    public init(
        kind: NoticeKind, apis: [String], scope: NoticeScope, maintenanceWindow: MaintenanceWindow? = nil,
        unparsedWindow: String? = nil, cancels: String? = nil, severity: Severity? = nil,
        unmappedComponents: [String] = [], unrecognisedAPIs: [String] = [], environment: NoticeEnvironment = .production,
        maintenanceWindows: [MaintenanceWindow]? = nil
    ) {
        self.kind = kind
        self.apis = apis
        self.scope = scope
        // The list wins when both are given; its first is the window.
        let windows = maintenanceWindows ?? maintenanceWindow.map { [$0] } ?? []
        self.maintenanceWindow = windows.first
        self.maintenanceWindows = windows
        self.environment = environment
        self.unparsedWindow = unparsedWindow
        self.cancels = cancels
        self.severity = severity
        self.unmappedComponents = unmappedComponents
        self.unrecognisedAPIs = unrecognisedAPIs
    }
}
