public import Foundation

/// A component as `components.json` and `summary.json` list it, with its current status.
///
/// Kept apart from `VarselModel.StatusComponent` (code + name, what an incident names): this one
/// is the page's own inventory, which `sources components` shows so KS can map catalog entries.
public struct StatusPageComponent: Sendable, Hashable {
    public var id: String
    public var name: String
    /// operational, degraded_performance, partial_outage, major_outage, under_maintenance, or as written.
    public var status: String
    /// The group this component sits in, nil at top level.
    public var groupID: String?
    /// Whether this entry is a group heading rather than a component.
    public var isGroup: Bool

    public init(id: String, name: String, status: String, groupID: String? = nil, isGroup: Bool = false) {
        self.id = id
        self.name = name
        self.status = status
        self.groupID = groupID
        self.isGroup = isGroup
    }
}

/// The `page` object every v2 document starts with.
public struct StatusPageInfo: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The page's public base URL (`"https://www.githubstatus.com"`), used for incident links.
    public var url: String?
    public var updatedAt: Date?

    public init(id: String, name: String, url: String? = nil, updatedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.url = url
        self.updatedAt = updatedAt
    }
}
