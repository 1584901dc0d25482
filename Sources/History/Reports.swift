public import Foundation
public import NoticeStore
public import VarselModel

/// One notice with everything KS support asks about it: every version and change, why it is
/// classified so, how each alerting change was routed, who was told, and linked probe incidents.
public struct NoticeReport: Sendable {
    public var detail: NoticeDetail
    /// By the catalog and lexicon in force now.
    public var explanation: ClassificationExplanation
    /// Alerting changes and the routing note written when they were routed (oldest first).
    public var routing: [RoutingNote]
    /// Every delivery of every change of this notice, newest first.
    public var deliveries: [DeliveryRecord]
    public var incidents: [IncidentRecord]
    /// Operator actions on this notice's deliveries (sent again by whom, when), newest first.
    public var actions: [OperatorActionRecord]

    public init(
        detail: NoticeDetail, explanation: ClassificationExplanation, routing: [RoutingNote], deliveries: [DeliveryRecord],
        incidents: [IncidentRecord], actions: [OperatorActionRecord] = []
    ) {
        self.actions = actions
        self.detail = detail
        self.explanation = explanation
        self.routing = routing
        self.deliveries = deliveries
        self.incidents = incidents
    }
}

/// Why one change reached whom: the note Routing wrote when it planned the deliveries.
public struct RoutingNote: Sendable, Hashable {
    public var change: ChangeRecord
    public var note: String

    public init(change: ChangeRecord, note: String) {
        self.change = change
        self.note = note
    }
}

/// A subscriber as the subscribers page shows it: what it follows (secrets never leave the
/// config), and its newest delivery.
public struct SubscriberSummary: Sendable {
    public var subscriber: Subscriber
    public var lastDelivery: DeliveryRecord?

    public init(subscriber: Subscriber, lastDelivery: DeliveryRecord?) {
        self.subscriber = subscriber
        self.lastDelivery = lastDelivery
    }
}

/// The status page: per API and per source, what is true now.
public struct StatusReport: Sendable {
    public var generatedAt: Date
    public var apis: [APIStatus]
    public var sources: [SourceStatus]

    public init(generatedAt: Date, apis: [APIStatus], sources: [SourceStatus]) {
        self.generatedAt = generatedAt
        self.apis = apis
        self.sources = sources
    }
}

/// One catalog API now: its latest probe results, open incident, newest notice and next window.
public struct APIStatus: Sendable {
    public var id: String
    public var name: String
    /// Latest result per probed environment (empty when the API is not probed).
    public var probes: [ProbeResult]
    public var openIncident: IncidentRecord?
    /// Without its text (summary, content): the status page shows title, kind and time.
    public var newestNotice: NoticeRecord?
    /// The next announced maintenance window that has not ended, and the notice announcing it.
    public var nextWindow: MaintenanceWindow?
    public var nextWindowNotice: NoticeID?

    public init(
        id: String, name: String, probes: [ProbeResult] = [], openIncident: IncidentRecord? = nil,
        newestNotice: NoticeRecord? = nil, nextWindow: MaintenanceWindow? = nil, nextWindowNotice: NoticeID? = nil
    ) {
        self.id = id
        self.name = name
        self.probes = probes
        self.openIncident = openIncident
        self.newestNotice = newestNotice
        self.nextWindow = nextWindow
        self.nextWindowNotice = nextWindowNotice
    }
}

/// One configured source: its polling state (last success, last error, failures, next poll).
public struct SourceStatus: Sendable {
    public var feed: FeedID
    public var name: String
    public var url: String
    /// Nil before the first poll.
    public var state: FeedState?

    public init(feed: FeedID, name: String, url: String, state: FeedState?) {
        self.feed = feed
        self.name = name
        self.url = url
        self.state = state
    }
}

/// One line of the "Today" timeline, across notices, probe incidents, maintenance and deliveries.
public struct TimelineEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case notice
        case incidentOpened = "incident_opened"
        case incidentResolved = "incident_resolved"
        case maintenanceStarts = "maintenance_starts"
        case maintenanceEnds = "maintenance_ends"
        case delivery
        /// Someone sent a delivery again, or added or ended a silence.
        case operatorAction = "operator_action"
    }

    public var at: Date
    public var kind: Kind
    /// One line, Norwegian where it is shown to people ("Ny: ...", "Levert til ...").
    public var summary: String
    public var noticeID: NoticeID?
    public var incidentID: Int64?
    public var deliveryID: Int64?

    public init(
        at: Date, kind: Kind, summary: String, noticeID: NoticeID? = nil, incidentID: Int64? = nil, deliveryID: Int64? = nil
    ) {
        self.at = at
        self.kind = kind
        self.summary = summary
        self.noticeID = noticeID
        self.incidentID = incidentID
        self.deliveryID = deliveryID
    }
}
