public import Foundation
public import VarselModel

/// One incident or scheduled maintenance as the Statuspage API v2 publishes it
/// (`incidents.json`, `scheduled-maintenances.json`, `summary.json`, a webhook's `incident`).
///
/// Statuspage keeps both in one shape: a maintenance is an incident with `scheduled_for`.
/// `status` and `impact` stay raw strings, so a word this code has never seen is shown as written
/// instead of failing the whole document.
public struct StatusIncident: Sendable, Hashable {
    /// The incident's code (`"ljwdk6qml8z8"`), stable for its life and part of its page URL.
    public var id: String
    public var name: String
    /// investigating, identified, monitoring, resolved, postmortem; for maintenances scheduled,
    /// in_progress, verifying, completed. Anything else is kept as written.
    public var status: String
    /// none, minor, major, critical, or maintenance; nil when the payload leaves it out.
    public var impact: String?
    public var createdAt: Date?
    public var updatedAt: Date?
    /// Absent from the older API shape (emma-incidents.json).
    public var startedAt: Date?
    public var resolvedAt: Date?
    /// Set only on scheduled maintenances: the announced window.
    public var scheduledFor: Date?
    public var scheduledUntil: Date?
    public var shortlink: String?
    /// Components the incident is attached to now (the older API shape has none).
    public var components: [StatusComponent]
    /// In the order the document gave them (Statuspage: newest `display_at` first, usually).
    public var updates: [StatusIncidentUpdate]

    public init(
        id: String, name: String, status: String, impact: String? = nil, createdAt: Date? = nil,
        updatedAt: Date? = nil, startedAt: Date? = nil, resolvedAt: Date? = nil, scheduledFor: Date? = nil,
        scheduledUntil: Date? = nil, shortlink: String? = nil, components: [StatusComponent] = [],
        updates: [StatusIncidentUpdate] = []
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.impact = impact
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.startedAt = startedAt
        self.resolvedAt = resolvedAt
        self.scheduledFor = scheduledFor
        self.scheduledUntil = scheduledUntil
        self.shortlink = shortlink
        self.components = components
        self.updates = updates
    }
}

/// One update posted on an incident ("We are investigating ...").
public struct StatusIncidentUpdate: Sendable, Hashable {
    /// nil when the payload has none; an update is still worth showing without it.
    public var id: String?
    /// The incident status this update set, raw (`"identified"`, `"in_progress"`, ...).
    public var status: String
    /// Untrusted plain text written by the page's owner.
    public var body: String
    public var createdAt: Date?
    /// When the page shows the update as posted. Owners can back-date it, so it may be earlier
    /// than `createdAt` and out of order with the other updates.
    public var displayAt: Date?
    /// The components this update touched; `null` in the payload becomes empty. Codes are missing
    /// in the older API shape.
    public var affectedComponents: [StatusComponent]

    public init(
        id: String? = nil, status: String, body: String, createdAt: Date? = nil, displayAt: Date? = nil,
        affectedComponents: [StatusComponent] = []
    ) {
        self.id = id
        self.status = status
        self.body = body
        self.createdAt = createdAt
        self.displayAt = displayAt
        self.affectedComponents = affectedComponents
    }

    /// The time the page shows: `display_at`, else `created_at`.
    public var shownAt: Date? { displayAt ?? createdAt }
}
