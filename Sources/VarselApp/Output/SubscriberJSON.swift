public import VarselModel

/// A subscriber as `varselvakt subscribers --json` prints it. No secret is ever part of it.
public struct SubscriberJSON: Encodable, Sendable {
    var id: String
    var kind: String
    var name: String
    var orgNumber: String
    var municipalityNumber: String?
    var emails: [String]
    var webhookUrl: String?
    var all: Bool
    var apis: [String]
    var services: [String]
    var kinds: [String]
    var minSeverity: String?
    var actsFor: [String]

    public init(_ s: Subscriber) {
        id = s.id.rawValue
        kind = s.kind.rawValue
        name = s.name
        orgNumber = s.orgNumber
        municipalityNumber = s.municipalityNumber
        emails = s.emails
        webhookUrl = s.webhook?.url
        all = s.subscription.everything
        apis = s.subscription.apis
        services = s.subscription.services
        kinds = s.subscription.kinds.map(\.rawValue).sorted()
        minSeverity = s.subscription.minSeverity?.rawValue
        actsFor = s.actsFor
    }

    /// "all", or "apis: a, b; services: c; kinds: incident; for: 0301" in one line.
    public static func describe(_ subscription: Subscription, actsFor: [String]) -> String {
        var parts: [String] = []
        if subscription.everything { parts.append("all") }
        if !subscription.apis.isEmpty { parts.append("apis: " + subscription.apis.joined(separator: ", ")) }
        if !subscription.services.isEmpty { parts.append("services: " + subscription.services.joined(separator: ", ")) }
        if !subscription.kinds.isEmpty { parts.append("kinds: " + subscription.kinds.map(\.rawValue).sorted().joined(separator: ", ")) }
        if let minimum = subscription.minSeverity { parts.append("min_severity: \(minimum.rawValue)") }
        if !actsFor.isEmpty { parts.append("for: " + actsFor.joined(separator: ", ")) }
        return parts.isEmpty ? "-" : parts.joined(separator: "; ")
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, name, emails, all, apis, services, kinds
        case orgNumber = "org_number", municipalityNumber = "municipality_number", webhookUrl = "webhook_url"
        case actsFor = "acts_for", minSeverity = "min_severity"
    }
}
