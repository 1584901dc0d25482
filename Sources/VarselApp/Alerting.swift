import Compose
public import Curl
public import Delivery
public import Foundation
public import Logging
public import NoticeStore
import Routing
public import VarselConfig
public import VarselModel

/// The alerting half of a runtime: who gets what (routing over the current subscribers), what
/// it says (the current templates), and the outbox worker that sends it.
///
/// Subscribers and templates are `Reloadable`: SIGHUP re-reads them, and a bad file keeps the
/// old set (the reason is logged), so a typo never silences alerts.
public final class Alerting: Sendable {
    public let worker: OutboxWorker
    let router: Reloadable<Router>
    let subscribers: Reloadable<[SubscriberID: Subscriber]>
    let composer: Reloadable<Result<Composer, ComposeError>>
    let logger: Logger

    /// - Parameter now: the outbox's wall clock (`Date()`; a test's simulated clock).
    public init(
        config: VarselvaktConfig, store: NoticeStore, client: CurlClient, logger: Logger, telemetry: Telemetry = .none,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.logger = logger
        router = Reloadable(Router(catalog: config.catalog, subscribers: config.subscribers))
        subscribers = Reloadable(Self.index(config.subscribers))
        let templates = Self.composer(config)
        // Without subscribers nothing needs templates (the minimal config, `poll --once`); with
        // them, a daemon that could not write a single alert must not start.
        if case .failure(let error) = templates, !config.subscribers.isEmpty { throw error }
        composer = Reloadable(templates)
        let sender = ChannelSender(
            composer: composer, subscribers: subscribers, mail: try Self.mail(config, client: client),
            hooks: try Self.hooks(config, client: client))
        let delivery = config.delivery
        worker = OutboxWorker(
            store: store, sender: sender,
            policy: RetryPolicy(initial: delivery.retryInitial, maximum: delivery.retryMax, maxAge: delivery.maxAge),
            limits: OutboxWorker.Limits(concurrency: delivery.concurrency, perReceiver: delivery.perHostConcurrency),
            logger: logger,
            onAttempt: { record, outcome in
                let name =
                    switch outcome {
                    case .sent: "sent"
                    case .failed: "failed"
                    case .dead: "dead"
                    }
                telemetry.delivery(channel: record.planned.channel, outcome: name)
            }, now: now)
    }

    /// Plans the alerts of one change over the current subscribers (pure; runs inside the
    /// store's ingest transaction).
    public var route: ChangeRouter {
        let router = self.router
        return { change in router.value.route(change) }
    }

    /// Plans the alerts of one change of a poll in an alert storm (pure, as `route`).
    public func route(inStorm storm: AlertStorm) -> ChangeRouter {
        let router = self.router
        return { change in router.value.route(change, inStorm: storm) }
    }

    /// Re-reads the configuration's subscribers and templates. On any error the current ones stay.
    /// - Returns: a one-line description of what happened, for the log.
    @discardableResult
    public func reload(configFile: String) -> String {
        let config: VarselvaktConfig
        let templates: Composer
        do {
            config = try ConfigLoader.load(path: configFile)
            templates = try Self.composer(config).get()
        } catch {
            let message = "reload failed, keeping the current subscribers and templates: \(error)"
            logger.error("\(message)")
            return message
        }
        router.replace(Router(catalog: config.catalog, subscribers: config.subscribers))
        subscribers.replace(Self.index(config.subscribers))
        composer.replace(.success(templates))
        let message = "reloaded \(config.subscribers.count) subscribers and the templates from \(configFile)"
        logger.notice("\(message)")
        return message
    }

    /// The templates, with the catalog's display names for API ids ("inntekt" -> "Inntekt API").
    private static func composer(_ config: VarselvaktConfig) -> Result<Composer, ComposeError> {
        Result { () throws(ComposeError) in
            try Composer(
                templatesDirectory: config.delivery.templatesPath,
                apiNames: Dictionary(config.catalog.apis.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    private static func index(_ subscribers: [Subscriber]) -> [SubscriberID: Subscriber] {
        Dictionary(subscribers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func mail(_ config: VarselvaktConfig, client: CurlClient) throws -> ChannelSender.Mail {
        let email = config.email
        let settings = EmailSettings(
            from: email?.from ?? "varselvakt@localhost", fromName: email?.fromName ?? "varselvakt",
            messageIDDomain: email?.messageIDDomain ?? "varselvakt.localhost")
        if let sink = config.delivery.fileSink { return .file(try FileSink(directory: sink), settings) }
        guard let email else { return .none }
        let security: MailSecurity =
            switch email.security {
            case .starttls: .startTLSRequired
            case .tls: .implicitTLS
            case .none: .none
            }
        let credentials = email.username.map { MailCredentials(username: $0, password: email.password?.value ?? "") }
        let transport = SMTPTransport(
            client: client, url: email.url, security: security, credentials: credentials, timeout: email.timeout,
            connectTimeout: email.connectTimeout)
        return .smtp(transport, settings)
    }

    private static func hooks(_ config: VarselvaktConfig, client: CurlClient) throws -> ChannelSender.Hooks {
        if let sink = config.delivery.fileSink { return .file(try FileSink(directory: sink)) }
        return .http(
            WebhookTransport(
                client: client, timeout: config.webhook.timeout, connectTimeout: config.webhook.connectTimeout,
                userAgent: "varselvakt/\(VarselvaktVersion.string)", addressPolicy: config.delivery.webhookAddressPolicy))
    }
}
