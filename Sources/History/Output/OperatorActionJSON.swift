import Foundation
public import NoticeStore

/// An operator action as the CLI and the API print it (snake_case keys; add, never rename).
public struct OperatorActionJSON: Encodable, Sendable {
    var id: Int64
    var at: String
    var user: String
    var action: String
    var target: String
    var detail: String?

    public init(_ a: OperatorActionRecord) {
        id = a.id
        at = OutputDate.iso(a.at)
        user = a.user
        action = a.action.rawValue
        target = a.target
        detail = a.detail
    }

    // `detail: null` rather than a missing key: consumers test for the key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(at, forKey: .at)
        try c.encode(user, forKey: .user)
        try c.encode(action, forKey: .action)
        try c.encode(target, forKey: .target)
        try c.encode(detail, forKey: .detail)
    }

    enum CodingKeys: String, CodingKey { case id, at, user, action, target, detail }
}
