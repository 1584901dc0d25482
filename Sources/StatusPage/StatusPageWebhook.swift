public import Foundation

/// A Statuspage webhook request body: either an incident (with all its updates) or one
/// component's status change. The incident has the same shape as in `incidents.json`, so it goes
/// through `StatusPageEntries` like any other.
public struct StatusPageWebhook: Sendable, Hashable {
    /// The page's id (webhook bodies carry no page URL).
    public var pageID: String?
    public var incident: StatusIncident?
    public var component: StatusPageComponent?
    public var componentUpdate: ComponentUpdate?

    /// One component status transition (`component_update`).
    public struct ComponentUpdate: Sendable, Hashable {
        public var componentID: String?
        public var oldStatus: String
        public var newStatus: String
        public var createdAt: Date?

        public init(componentID: String?, oldStatus: String, newStatus: String, createdAt: Date?) {
            self.componentID = componentID
            self.oldStatus = oldStatus
            self.newStatus = newStatus
            self.createdAt = createdAt
        }
    }

    public init(
        pageID: String?, incident: StatusIncident?, component: StatusPageComponent?, componentUpdate: ComponentUpdate?
    ) {
        self.pageID = pageID
        self.incident = incident
        self.component = component
        self.componentUpdate = componentUpdate
    }
}

/// Decodes `component_update`.
struct ComponentUpdatePayload: Decodable {
    let update: StatusPageWebhook.ComponentUpdate

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        update = StatusPageWebhook.ComponentUpdate(
            componentID: c.text("component_id"), oldStatus: c.string("old_status") ?? "",
            newStatus: c.string("new_status") ?? "", createdAt: c.date("created_at"))
    }
}
