public import VarselModel

/// How the outbox worker delivers alerts (`[delivery]`).
public struct DeliveryConfig: Sendable, Hashable {
    /// Where the Mustache templates live when the config does not say and there is no
    /// templates folder next to it (the Debian package installs them here).
    public static let installedTemplatesPath = "/usr/share/varselvakt/templates"

    /// A delivery still failing this long after it was queued is given up as dead (and shown so
    /// in history), so a receiver that is gone for good does not collect retries forever.
    public var maxAge: Duration
    /// The first retry delay; it doubles per attempt, with jitter, up to `retryMax`.
    public var retryInitial: Duration
    public var retryMax: Duration
    /// Simultaneous sends to one receiver host, so 357 municipalities hosted by one vendor do not
    /// hammer that vendor's server.
    public var perHostConcurrency: Int
    /// Simultaneous sends overall.
    public var concurrency: Int
    /// Absolute path of the folder with the e-mail and webhook templates.
    public var templatesPath: String
    /// When set, alerts are written as files into this folder (absolute path) instead of being
    /// sent: the demo and template testing use it, and nothing leaves the machine.
    public var fileSink: String?
    /// `allow_private_webhooks`: address blocks a webhook may reach although they are loopback,
    /// private, link-local, CGNAT or otherwise special (the SSRF guard refuses those by default,
    /// at connect time, whatever the URL's host resolves to). Empty means none.
    public var allowPrivateWebhooks: [IPNetwork]

    /// The SSRF guard's rule for webhook transports, from ``allowPrivateWebhooks``.
    public var webhookAddressPolicy: WebhookAddressPolicy { WebhookAddressPolicy(allowed: allowPrivateWebhooks) }

    public init(
        maxAge: Duration = .seconds(24 * 3600), retryInitial: Duration = .seconds(30), retryMax: Duration = .seconds(30 * 60),
        perHostConcurrency: Int = 16, concurrency: Int = 64, templatesPath: String = DeliveryConfig.installedTemplatesPath,
        fileSink: String? = nil, allowPrivateWebhooks: [IPNetwork] = []
    ) {
        self.allowPrivateWebhooks = allowPrivateWebhooks
        self.maxAge = maxAge
        self.retryInitial = retryInitial
        self.retryMax = retryMax
        self.perHostConcurrency = perHostConcurrency
        self.concurrency = concurrency
        self.templatesPath = templatesPath
        self.fileSink = fileSink
    }
}

/// How webhooks are called (`[webhook]`); where each goes is per subscriber.
public struct WebhookConfig: Sendable, Hashable {
    /// Limit for one whole call: connect, send, and read the answer. A receiver that hangs is
    /// retried later rather than holding a send slot.
    public var timeout: Duration
    public var connectTimeout: Duration

    public init(timeout: Duration = .seconds(10), connectTimeout: Duration = .seconds(5)) {
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }
}
