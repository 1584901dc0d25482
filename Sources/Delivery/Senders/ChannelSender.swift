public import Compose
public import Foundation
public import VarselModel

/// The `AlertSender` of the daemon: composes each alert from the current templates and hands it
/// to the configured transport of its channel (SMTP or the file sink for e-mail; signed HTTP POST
/// or the file sink for webhooks).
public struct ChannelSender: AlertSender {
    /// Where e-mail goes.
    public enum Mail: Sendable {
        case smtp(SMTPTransport, EmailSettings)
        case file(FileSink, EmailSettings)
        /// No [email] section: e-mail rows fail permanently, visibly (check-config prevents this).
        case none
    }

    /// Where webhooks go.
    public enum Hooks: Sendable {
        case http(WebhookTransport)
        case file(FileSink)
    }

    /// The templates, or why they could not be loaded (then alerts wait: a fixed folder and a
    /// SIGHUP send them).
    let composer: Reloadable<Result<Composer, ComposeError>>
    let subscribers: Reloadable<[SubscriberID: Subscriber]>
    let mail: Mail
    let hooks: Hooks

    public init(composer: Reloadable<Result<Composer, ComposeError>>, subscribers: Reloadable<[SubscriberID: Subscriber]>, mail: Mail, hooks: Hooks) {
        self.composer = composer
        self.subscribers = subscribers
        self.mail = mail
        self.hooks = hooks
    }

    public func receiver(of delivery: DeliveryRecord) -> String {
        switch delivery.planned.channel {
        case .email:
            switch mail {
            case .smtp: return "smtp"
            case .file, .none: return "file"
            }
        case .webhook:
            if case .file = hooks { return "file" }
            return Self.host(of: delivery.planned.recipients.first ?? "")
        }
    }

    public func send(_ context: AlertContext, now: Date) async -> AttemptResult {
        switch context.delivery.planned.channel {
        case .email: return await sendEmail(context, now: now)
        case .webhook: return await sendWebhook(context, now: now)
        }
    }

    private func sendEmail(_ context: AlertContext, now: Date) async -> AttemptResult {
        let planned = context.delivery.planned
        let settings: EmailSettings
        switch mail {
        case .none:
            return .permanent(error: "no [email] section configured: cannot send e-mail to \(planned.recipients.joined(separator: ", "))")
        case .smtp(_, let configured), .file(_, let configured):
            settings = configured
        }
        let email: ComposedEmail
        switch compose({ (composer) throws(ComposeError) in try composer.email(for: context, settings: settings, date: now) }) {
        case .success(let composed): email = composed
        case .failure(let box): return box.result
        }
        switch mail {
        case .smtp(let transport, _):
            return await transport.send(from: settings.from, recipients: planned.recipients, message: email.data)
        case .file(let sink, _):
            return sink.writeEmail(message: email.data, idempotencyKey: planned.idempotencyKey)
        case .none:
            return .permanent(error: "no [email] section configured")
        }
    }

    private func sendWebhook(_ context: AlertContext, now: Date) async -> AttemptResult {
        let planned = context.delivery.planned
        guard let url = planned.recipients.first else { return .permanent(error: "the row names no webhook URL") }
        // The secret is read from the current subscribers, never stored in the outbox.
        guard let target = subscribers.value[planned.subscriberID]?.webhook else {
            return .permanent(error: "subscriber \(planned.subscriberID) has no webhook in the current subscribers file")
        }
        let body: [UInt8]
        switch compose({ (composer) throws(ComposeError) in try composer.webhookBody(for: context) }) {
        case .success(let composed): body = composed
        case .failure(let box): return box.result
        }
        let event = WebhookEvent.name(of: context.change.change)
        switch hooks {
        case .http(let transport):
            return await transport.send(
                url: url, body: body, secret: target.secret, idempotencyKey: planned.idempotencyKey, event: event,
                deliveryID: context.delivery.id, now: now)
        case .file(let sink):
            let headers = WebhookTransport.headers(
                userAgent: "varselvakt/\(VarselvaktVersion.string)", body: body, secret: target.secret,
                idempotencyKey: planned.idempotencyKey, event: event, deliveryID: context.delivery.id, now: now)
            return sink.writeWebhook(url: url, body: body, headers: headers, idempotencyKey: planned.idempotencyKey)
        }
    }

    /// Runs `body` with the current templates. Missing templates are a retry (the operator can
    /// fix the folder and reload); a template that fails on this alert is permanent.
    private func compose<T>(_ body: (Composer) throws(ComposeError) -> T) -> Result<T, AttemptResultBox> {
        switch composer.value {
        case .failure(let error):
            return .failure(AttemptResultBox(.retry(error: "templates not loaded: \(error)", retryAfter: nil)))
        case .success(let composer):
            do throws(ComposeError) {
                return .success(try body(composer))
            } catch {
                return .failure(AttemptResultBox(.permanent(error: "cannot compose the alert: \(error)")))
            }
        }
    }

    /// The host of an http(s) URL, lower-cased; the whole string if it has none.
    static func host(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        return host.lowercased() + (components.port.map { ":\($0)" } ?? "")
    }
}

/// An `AttemptResult` as a `Result` failure.
struct AttemptResultBox: Error {
    let result: AttemptResult
    init(_ result: AttemptResult) { self.result = result }
}

/// The `Varselvakt-Event` header and the JSON `event` field: "notice.<change>".
enum WebhookEvent {
    static func name(of change: ChangeType) -> String { "notice.\(change.rawValue)" }
}
