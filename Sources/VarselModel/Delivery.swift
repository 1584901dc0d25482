public import Foundation

/// One alert to send: a change, to one subscriber, on one channel. `Routing` plans these; the
/// store writes them to the outbox in the same transaction as the change itself.
public struct PlannedDelivery: Sendable, Hashable, Codable {
    public var changeID: Int64
    public var noticeID: NoticeID
    public var subscriberID: SubscriberID
    public var subscriberName: String
    public var subscriberKind: SubscriberKind
    public var channel: DeliveryChannel
    /// E-mail addresses (all share one message) or the one webhook URL, as configured when the
    /// change was routed: the record of who was told survives later edits of the subscribers file.
    public var recipients: [String]
    /// Why this subscriber gets the change, for KS support: "api:inntekt", "service:foreldrebetaling",
    /// "all", "unmatched", "for:0301" (a vendor acting for a municipality), "platform:maskinporten"
    /// (subscribed to an API that depends on the platform the notice names), "for:0301,platform:maskinporten".
    public var reason: String
    /// Stable per (change, subscriber, channel): sent as a header so receivers drop redeliveries.
    public var idempotencyKey: String

    public init(
        changeID: Int64, noticeID: NoticeID, subscriberID: SubscriberID, subscriberName: String,
        subscriberKind: SubscriberKind, channel: DeliveryChannel, recipients: [String], reason: String,
        idempotencyKey: String
    ) {
        self.changeID = changeID
        self.noticeID = noticeID
        self.subscriberID = subscriberID
        self.subscriberName = subscriberName
        self.subscriberKind = subscriberKind
        self.channel = channel
        self.recipients = recipients
        self.reason = reason
        self.idempotencyKey = idempotencyKey
    }
}

/// What routing decided for one change: the deliveries, and in words why, so that a change
/// routed to no one is recorded as such ("ingen abonnent på inntekt").
public struct RoutingOutcome: Sendable, Hashable, Codable {
    public var deliveries: [PlannedDelivery]
    /// One line for history: who got it and why, or why nobody did.
    public var note: String

    public init(deliveries: [PlannedDelivery], note: String) {
        self.deliveries = deliveries
        self.note = note
    }
}

/// Where an outbox row stands.
public enum DeliveryStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not tried yet (or a crash interrupted the attempt): due now.
    case pending
    /// Tried and failed; another attempt is scheduled (`nextAttemptAt`).
    case failed
    /// Accepted by the receiver (2xx, or SMTP 250 after DATA).
    case sent
    /// Given up: a permanent refusal, or still failing after the configured maximum age.
    case dead
}

/// One outbox row as stored: the plan plus its delivery history.
public struct DeliveryRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var planned: PlannedDelivery
    public var status: DeliveryStatus
    public var attempts: Int
    public var createdAt: Date
    public var nextAttemptAt: Date?
    public var lastAttemptAt: Date?
    public var sentAt: Date?
    /// The last failure in one line (HTTP status, SMTP reply, curl error), kept after success.
    public var lastError: String?

    public init(
        id: Int64, planned: PlannedDelivery, status: DeliveryStatus, attempts: Int, createdAt: Date,
        nextAttemptAt: Date?, lastAttemptAt: Date?, sentAt: Date?, lastError: String?
    ) {
        self.id = id
        self.planned = planned
        self.status = status
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.lastAttemptAt = lastAttemptAt
        self.sentAt = sentAt
        self.lastError = lastError
    }
}

/// Everything an alert's text is made from: read from the store when the alert is sent, so an
/// outbox row needs to hold nothing but ids.
public struct AlertContext: Sendable, Hashable {
    public var delivery: DeliveryRecord
    public var change: ChangeRecord
    /// The notice as it stands now (its current classification, status and links).
    public var notice: NoticeRecord
    /// The version the change produced (nil for a withdrawal) and the one before it (for a diff).
    public var version: NoticeVersion?
    public var previousVersion: NoticeVersion?
    /// For a cancellation: the title of the notice it cancels, when that notice is stored.
    public var cancelledTitle: String?
    /// Whether an earlier alert about this notice went to this subscriber: then the message
    /// threads under it (In-Reply-To/References).
    public var isFollowUp: Bool

    public init(
        delivery: DeliveryRecord, change: ChangeRecord, notice: NoticeRecord, version: NoticeVersion?,
        previousVersion: NoticeVersion?, cancelledTitle: String?, isFollowUp: Bool
    ) {
        self.delivery = delivery
        self.change = change
        self.notice = notice
        self.version = version
        self.previousVersion = previousVersion
        self.cancelledTitle = cancelledTitle
        self.isFollowUp = isFollowUp
    }
}
