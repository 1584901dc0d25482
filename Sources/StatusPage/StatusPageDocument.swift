public import VarselModel

/// What one Statuspage v2 document held, whichever endpoint it came from; lists the endpoint
/// does not carry are empty.
public struct StatusPageDocument: Sendable, Hashable {
    public var page: StatusPageInfo?
    public var components: [StatusPageComponent]
    public var incidents: [StatusIncident]
    /// `scheduled_maintenances` (same shape as incidents, with `scheduled_for`).
    public var scheduledMaintenances: [StatusIncident]
    /// Incidents (or maintenances) that could not be kept, e.g. without an id, with the reason.
    /// Positions are 1-based within their own list.
    public var skipped: [SkippedEntry]

    public init(
        page: StatusPageInfo? = nil, components: [StatusPageComponent] = [], incidents: [StatusIncident] = [],
        scheduledMaintenances: [StatusIncident] = [], skipped: [SkippedEntry] = []
    ) {
        self.page = page
        self.components = components
        self.incidents = incidents
        self.scheduledMaintenances = scheduledMaintenances
        self.skipped = skipped
    }
}

/// Which v2 endpoint a document is; decides the top-level key that must be present.
public enum StatusPageEndpoint: String, Sendable, Hashable, CaseIterable {
    case incidents
    case scheduledMaintenances
    case summary
    case components

    /// Path below the page's base URL.
    public var path: String {
        switch self {
        case .incidents: "/api/v2/incidents.json"
        case .scheduledMaintenances: "/api/v2/scheduled-maintenances.json"
        case .summary: "/api/v2/summary.json"
        case .components: "/api/v2/components.json"
        }
    }

    /// Top-level keys without which the document is not what was asked for (an empty list is
    /// fine: a quiet page still says `"incidents": []`).
    var requiredKeys: [String] {
        switch self {
        case .incidents: ["incidents"]
        case .scheduledMaintenances: ["scheduled_maintenances"]
        case .summary: ["components", "incidents"]
        case .components: ["components"]
        }
    }
}
