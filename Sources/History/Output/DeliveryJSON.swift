import Foundation
public import VarselModel

/// An outbox row as `varselvakt deliveries --json` prints it: who was told what, when, by which
/// channel, after how many attempts, and the last error. Keys are a contract: add, never rename.
public struct DeliveryJSON: Encodable, Sendable {
    var id: Int64
    var changeId: Int64
    var noticeId: String
    var subscriberId: String
    var subscriberName: String
    var subscriberKind: String
    var channel: String
    var recipients: [String]
    var reason: String
    var idempotencyKey: String
    var status: String
    var attempts: Int
    var createdAt: String
    var nextAttemptAt: String?
    var lastAttemptAt: String?
    var sentAt: String?
    var lastError: String?

    public init(_ d: DeliveryRecord) {
        id = d.id
        changeId = d.planned.changeID
        noticeId = d.planned.noticeID.rawValue
        subscriberId = d.planned.subscriberID.rawValue
        subscriberName = d.planned.subscriberName
        subscriberKind = d.planned.subscriberKind.rawValue
        channel = d.planned.channel.rawValue
        recipients = d.planned.recipients
        reason = d.planned.reason
        idempotencyKey = d.planned.idempotencyKey
        status = d.status.rawValue
        attempts = d.attempts
        createdAt = OutputDate.iso(d.createdAt)
        nextAttemptAt = d.nextAttemptAt.map(OutputDate.iso)
        lastAttemptAt = d.lastAttemptAt.map(OutputDate.iso)
        sentAt = d.sentAt.map(OutputDate.iso)
        lastError = d.lastError
    }

    // Optional keys are written as null rather than left out: consumers test for the key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(changeId, forKey: .changeId)
        try c.encode(noticeId, forKey: .noticeId)
        try c.encode(subscriberId, forKey: .subscriberId)
        try c.encode(subscriberName, forKey: .subscriberName)
        try c.encode(subscriberKind, forKey: .subscriberKind)
        try c.encode(channel, forKey: .channel)
        try c.encode(recipients, forKey: .recipients)
        try c.encode(reason, forKey: .reason)
        try c.encode(idempotencyKey, forKey: .idempotencyKey)
        try c.encode(status, forKey: .status)
        try c.encode(attempts, forKey: .attempts)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(nextAttemptAt, forKey: .nextAttemptAt)
        try c.encode(lastAttemptAt, forKey: .lastAttemptAt)
        try c.encode(sentAt, forKey: .sentAt)
        try c.encode(lastError, forKey: .lastError)
    }

    enum CodingKeys: String, CodingKey {
        case id, channel, recipients, reason, status, attempts
        case changeId = "change_id", noticeId = "notice_id", subscriberId = "subscriber_id"
        case subscriberName = "subscriber_name", subscriberKind = "subscriber_kind", idempotencyKey = "idempotency_key"
        case createdAt = "created_at", nextAttemptAt = "next_attempt_at", lastAttemptAt = "last_attempt_at"
        case sentAt = "sent_at", lastError = "last_error"
    }
}
