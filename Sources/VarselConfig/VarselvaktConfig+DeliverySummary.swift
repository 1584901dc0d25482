import VarselModel

extension VarselvaktConfig {
    /// Subscriber counts per kind and channel, and the warnings worth reading. Never a secret,
    /// an e-mail address or a webhook path (which may carry a token): only hosts.
    func subscriberSummary() -> [String] {
        guard let subscribersPath else {
            return ["Subscribers: none (no subscribers file; nobody is alerted)"]
        }
        let kinds = SubscriberKind.allCases.compactMap { kind -> String? in
            let count = subscribers.count { $0.kind == kind }
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        var lines = [
            "Subscribers: \(subscribersPath) (\(subscribers.count)\(kinds.isEmpty ? "" : ": " + kinds.joined(separator: ", ")))"
        ]
        if subscribers.isEmpty {
            lines.append("  nobody is subscribed: no alerts will be sent")
            return lines
        }
        let emails = subscribers.count { !$0.emails.isEmpty }
        let addresses = subscribers.reduce(0) { $0 + $1.emails.count }
        let webhooks = subscribers.count { $0.webhook != nil }
        let everything = subscribers.count { $0.subscription.everything }
        lines.append(
            "  channels: \(emails) by e-mail (\(addresses) addresses), \(webhooks) by webhook; \(everything) subscribed to all")
        let hosts = Set(subscribers.compactMap { $0.webhook.map { WebhookURLRule.host(of: $0.url) } }).sorted()
        if !hosts.isEmpty { lines.append("  webhook hosts: \(hosts.joined(separator: ", "))") }
        lines += SubscriberWarnings.warnings(for: subscribers).map { "  warning: \($0)" }
        return lines
    }

    /// `[delivery]`, `[email]` (without the password) and `[webhook]` as they took effect.
    func deliverySummary() -> [String] {
        var lines = [
            "Delivery: dead after \(Self.format(delivery.maxAge)); retries from \(Self.format(delivery.retryInitial)) "
                + "doubling up to \(Self.format(delivery.retryMax)); \(delivery.concurrency) sends at once, "
                + "\(delivery.perHostConcurrency) per host"
        ]
        let found = FilePaths.isDirectory(delivery.templatesPath) ? "" : " (not found: alerts cannot be composed)"
        lines.append("  templates: \(delivery.templatesPath)\(found)")
        if let fileSink = delivery.fileSink {
            lines.append("  file sink: \(fileSink) (alerts are written there, nothing is sent)")
        }
        if let email {
            let auth = email.username.map { "as \($0) (password set)" } ?? "without login"
            lines.append(
                "Email: \(email.url) (\(email.security.rawValue)) \(auth), from \"\(email.fromName)\" <\(email.from)>, "
                    + "timeout \(Self.format(email.timeout)) (connect \(Self.format(email.connectTimeout))), "
                    + "Message-IDs @\(email.messageIDDomain)")
        } else {
            lines.append(
                delivery.fileSink == nil
                    ? "Email: not configured (no subscriber may have e-mail addresses)"
                    : "Email: not configured (e-mail goes to the file sink)")
        }
        lines.append("Webhook: timeout \(Self.format(webhook.timeout)) (connect \(Self.format(webhook.connectTimeout)))")
        lines.append(
            delivery.allowPrivateWebhooks.isEmpty
                ? "  private addresses: refused (loopback, private, link-local, CGNAT, ...; see allow_private_webhooks)"
                : "  private addresses allowed: \(delivery.allowPrivateWebhooks.map(\.description).joined(separator: ", "))")
        return lines
    }
}
