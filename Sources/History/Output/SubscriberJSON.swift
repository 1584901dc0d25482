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
    /// "production", "test": what the subscriber follows (its own, or its kind's default).
    var environments: [String]
    var actsFor: [String]
    /// The newest delivery to this subscriber, when the listing read the outbox (left out otherwise).
    var lastDelivery: DeliveryJSON?

    /// A subscriber with its newest delivery (the subscribers page, `subscribers --json`).
    public init(_ summary: SubscriberSummary) {
        self.init(summary.subscriber)
        lastDelivery = summary.lastDelivery.map(DeliveryJSON.init)
    }

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
        environments = Self.environments(s.subscription)
        actsFor = s.actsFor
    }

    /// The environments in NoticeEnvironment's order (production, test, both).
    static func environments(_ subscription: Subscription) -> [String] {
        NoticeEnvironment.allCases.filter(subscription.environments.contains).map(\.rawValue)
    }

    /// "all", or "apis: a, b; services: c; kinds: incident; environments: production; for: 0301"
    /// in one line. Environments are always shown: a subscriber's kind decides their default.
    public static func describe(_ subscription: Subscription, actsFor: [String]) -> String {
        var parts: [String] = []
        if subscription.everything { parts.append("all") }
        if !subscription.apis.isEmpty { parts.append("apis: " + subscription.apis.joined(separator: ", ")) }
        if !subscription.services.isEmpty { parts.append("services: " + subscription.services.joined(separator: ", ")) }
        if !subscription.kinds.isEmpty {
            parts.append("kinds: " + subscription.kinds.map(\.rawValue).sorted().joined(separator: ", "))
        }
        if let minimum = subscription.minSeverity { parts.append("min_severity: \(minimum.rawValue)") }
        parts.append("environments: " + environments(subscription).joined(separator: ", "))
        if !actsFor.isEmpty { parts.append("for: " + actsFor.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, name, emails, all, apis, services, kinds
        case orgNumber = "org_number", municipalityNumber = "municipality_number", webhookUrl = "webhook_url"
        case actsFor = "acts_for", minSeverity = "min_severity", environments, lastDelivery = "last_delivery"
    }
}
