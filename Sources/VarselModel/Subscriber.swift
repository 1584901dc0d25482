/// Identity of a subscriber across config reloads: its `id` in subscribers.toml (default: its
/// organisation number). Idempotency keys and Message-IDs are derived from it, so changing a
/// subscriber's id makes it a new subscriber.
public struct SubscriberID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: SubscriberID, b: SubscriberID) -> Bool { a.rawValue < b.rawValue }
}

/// Who a subscriber is, which decides the defaults of routing (KS support is the safety net).
public enum SubscriberKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A municipality (kommune) using Skatteetaten's APIs.
    case municipality
    /// A software vendor acting for municipalities (delegated in Altinn).
    case vendor
    /// KS itself (support, operations): receives what no one else is routed to.
    case ks

    /// The environments a subscriber of this kind follows when it names none (`environments`
    /// absent): production for municipalities and KS, who run against it; production and test
    /// for vendors, who build against test.
    public var defaultEnvironments: Set<NoticeEnvironment> {
        switch self {
        case .municipality, .ks: [.production]
        case .vendor: [.production, .test]
        }
    }
}

/// How a subscriber is reached.
public enum DeliveryChannel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case email
    case webhook

    public static func < (a: DeliveryChannel, b: DeliveryChannel) -> Bool { a.rawValue < b.rawValue }
}

/// A secret (webhook signing key, SMTP password) that never shows up in logs, summaries or dumps:
/// its `description` is a fixed placeholder. Read `value` only where the secret is used.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "<hemmelig>" }
    public var debugDescription: String { "<hemmelig>" }
}

/// Where and how a subscriber's webhook is called.
public struct WebhookTarget: Sendable, Hashable {
    /// An http or https URL (validated when the subscribers file is loaded).
    public var url: String
    /// HMAC-SHA256 key for the signature header.
    public var secret: Secret

    public init(url: String, secret: Secret) {
        self.url = url
        self.secret = secret
    }
}

/// What a subscriber wants to hear about.
///
/// A change matches when its notice concerns one of `apis`, or an API of one of `services`, or
/// when `everything` is set; and, if `kinds` is not empty, when the notice's kind is in `kinds`.
public struct Subscription: Sendable, Hashable {
    /// Subscribed to "all": every alerting change, including notices whose APIs are not recognised.
    public var everything: Bool
    /// Catalog API ids.
    public var apis: [String]
    /// Catalog municipal service ids (each stands for the APIs it uses).
    public var services: [String]
    /// Kinds of notice to alert on; empty means every kind.
    public var kinds: Set<NoticeKind>
    /// The least severity to alert on (`min_severity`). Applies only to notices whose source
    /// states a severity (status pages); a notice without one always passes.
    public var minSeverity: Severity?
    /// The environments whose notices the subscriber wants (`environments`); by default
    /// production for municipalities and KS, production and test for vendors, who build against test
    /// (`SubscriberKind.defaultEnvironments`; the config loader applies it). Never holds `.both`
    /// when it comes from the config: "both" is written out as production and test.
    public var environments: Set<NoticeEnvironment>

    public init(
        everything: Bool = false, apis: [String] = [], services: [String] = [], kinds: Set<NoticeKind> = [],
        minSeverity: Severity? = nil, environments: Set<NoticeEnvironment> = [.production]
    ) {
        self.everything = everything
        self.apis = apis
        self.services = services
        self.kinds = kinds
        self.minSeverity = minSeverity
        self.environments = environments
    }
}

/// One receiver of alerts, as configured in subscribers.toml (validated by `VarselConfig`).
public struct Subscriber: Sendable, Hashable {
    public var id: SubscriberID
    public var kind: SubscriberKind
    /// Display name, used in the alert's greeting ("Oslo kommune").
    public var name: String
    /// Organisation number: 9 digits, mod-11 checked.
    public var orgNumber: String
    /// Kommunenummer (4 digits) for municipalities.
    public var municipalityNumber: String?
    /// E-mail addresses; one subscriber's addresses share one message per change.
    public var emails: [String]
    public var webhook: WebhookTarget?
    public var subscription: Subscription
    /// For vendors: municipality numbers the vendor acts for. The vendor also receives what
    /// those municipalities subscribe to (once per change, not once per municipality).
    public var actsFor: [String]

    public init(
        id: SubscriberID, kind: SubscriberKind, name: String, orgNumber: String, municipalityNumber: String? = nil,
        emails: [String] = [], webhook: WebhookTarget? = nil, subscription: Subscription, actsFor: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.orgNumber = orgNumber
        self.municipalityNumber = municipalityNumber
        self.emails = emails
        self.webhook = webhook
        self.subscription = subscription
        self.actsFor = actsFor
    }

    /// The channels this subscriber can be reached on.
    public var channels: [DeliveryChannel] {
        var channels: [DeliveryChannel] = []
        if !emails.isEmpty { channels.append(.email) }
        if webhook != nil { channels.append(.webhook) }
        return channels
    }
}
