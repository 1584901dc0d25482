import Foundation
public import VarselModel

/// An incident as `varselvakt incidents --json` prints it. Keys are a contract: add, never rename.
public struct IncidentJSON: Encodable, Sendable {
    var id: Int64
    var api: String
    var environment: String
    var openedAt: String
    var firstFailureAt: String
    var resolvedAt: String?
    var durationSeconds: Int?
    var cause: String
    var detail: String?
    var expected: String?
    var alerted: Bool
    var noticeId: String?
    var linkedNotices: [String]

    public init(_ i: IncidentRecord) {
        id = i.id
        api = i.api
        environment = i.environment.rawValue
        openedAt = OutputDate.iso(i.openedAt)
        firstFailureAt = OutputDate.iso(i.firstFailureAt)
        resolvedAt = i.resolvedAt.map(OutputDate.iso)
        durationSeconds = i.duration.map { Int($0) }
        cause = i.cause.rawValue
        detail = i.detail
        expected = Self.expectation(i.expectation)
        alerted = i.alerted
        noticeId = i.noticeID?.rawValue
        linkedNotices = i.linkedNotices.map(\.rawValue)
    }

    /// "maintenance:<notice id>", "silence:<id>", or nil.
    public static func expectation(_ e: IncidentExpectation?) -> String? {
        switch e {
        case .maintenance(let notice, _): "maintenance:\(notice)"
        case .silence(let id, _): "silence:\(id)"
        case nil: nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(api, forKey: .api)
        try c.encode(environment, forKey: .environment)
        try c.encode(openedAt, forKey: .openedAt)
        try c.encode(firstFailureAt, forKey: .firstFailureAt)
        try c.encode(resolvedAt, forKey: .resolvedAt)
        try c.encode(durationSeconds, forKey: .durationSeconds)
        try c.encode(cause, forKey: .cause)
        try c.encode(detail, forKey: .detail)
        try c.encode(expected, forKey: .expected)
        try c.encode(alerted, forKey: .alerted)
        try c.encode(noticeId, forKey: .noticeId)
        try c.encode(linkedNotices, forKey: .linkedNotices)
    }

    enum CodingKeys: String, CodingKey {
        case id, api, environment, cause, detail, expected, alerted
        case openedAt = "opened_at", firstFailureAt = "first_failure_at", resolvedAt = "resolved_at"
        case durationSeconds = "duration_seconds", noticeId = "notice_id", linkedNotices = "linked_notices"
    }
}
