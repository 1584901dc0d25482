import VarselModel

/// One subscriber as written, in a TOML table or a CSV row, before validation. TOML types are
/// already checked (a list is a list); everything else is checked by `SubscriberValidator`, the
/// one place the rules live, so the loader and the CSV import cannot drift apart.
struct SubscriberFields: Hashable {
    var id: String?
    var kind: String?
    var name: String?
    var orgNumber: String?
    var municipalityNumber: String?
    var emails: [String] = []
    var apis: [String] = []
    var services: [String] = []
    var all: Bool?
    var kinds: [String] = []
    var minSeverity: String?
    /// nil when absent (the kind's default applies); an empty list is an error, not "none".
    var environments: [String]?
    var actsFor: [String] = []
    var webhook: Webhook?

    struct Webhook: Hashable {
        var url: String?
        var allowHTTP = false
        var secret: String?
        var secretFile: String?
        var secretEnv: String?
    }

    /// How errors name this subscriber before it is validated: `subscriber "oslo"` by its id,
    /// else by its name, else `fallback` (its position).
    static func label(id: String?, name: String?, fallback: String) -> String {
        if let id, !id.allSatisfy(\.isWhitespace) { return "subscriber \"\(TextRules.shown(id))\"" }
        if let name, !name.allSatisfy(\.isWhitespace) { return "subscriber \"\(TextRules.shown(name))\"" }
        return fallback
    }
}

/// A subscriber that passed validation, its webhook secret not yet read (the CSV import never
/// reads it; the loader does, see `SecretSource.resolve`).
struct ValidatedSubscriber: Hashable {
    var id: SubscriberID
    /// Whether `id` was written (else it is the organisation number); the CSV import keeps the shape.
    var idWasGiven: Bool
    var kind: SubscriberKind
    var name: String
    var orgNumber: String
    var municipalityNumber: String?
    var emails: [String]
    var subscription: Subscription
    var actsFor: [String]
    var webhookURL: String?
    var webhookAllowHTTP: Bool
    var webhookSecret: SecretSource?

    /// The shared type, with the secret the loader read.
    func subscriber(secret: Secret?) -> Subscriber {
        Subscriber(
            id: id, kind: kind, name: name, orgNumber: orgNumber, municipalityNumber: municipalityNumber, emails: emails,
            webhook: webhookURL.flatMap { url in secret.map { WebhookTarget(url: url, secret: $0) } },
            subscription: subscription, actsFor: actsFor)
    }
}
