import Foundation
import VarselModel

/// What the web shows of a webhook address: its scheme, host and port, never its path or query.
///
/// Webhook URLs often carry their secret in the path (Teams, Slack and many receivers put a
/// token there), and the web is read by more people than the configuration is. The CLI, run by
/// an operator on the host, still prints the whole URL.
enum Redaction {
    static func webhookURL(_ text: String) -> String {
        guard let components = URLComponents(string: text), let scheme = components.scheme, let host = components.host
        else { return "(webhook)" }
        let origin = scheme + "://" + (host.contains(":") ? "[\(host)]" : host) + (components.port.map { ":\($0)" } ?? "")
        let hasMore = !(components.path.isEmpty || components.path == "/") || components.query != nil || components.fragment != nil
        return origin + (hasMore ? "/…" : "")
    }

    /// `delivery` with a webhook's address cut to its origin.
    static func delivery(_ delivery: DeliveryRecord) -> DeliveryRecord {
        guard delivery.planned.channel == .webhook else { return delivery }
        var copy = delivery
        copy.planned.recipients = delivery.planned.recipients.map(webhookURL)
        return copy
    }

    /// `subscriber` with its webhook's address cut to its origin (the signing secret is never
    /// in a view: `Secret` prints as "<hemmelig>").
    static func subscriber(_ subscriber: Subscriber) -> Subscriber {
        guard let webhook = subscriber.webhook else { return subscriber }
        var copy = subscriber
        copy.webhook?.url = webhookURL(webhook.url)
        return copy
    }
}
