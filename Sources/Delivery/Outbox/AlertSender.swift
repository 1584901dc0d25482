public import Foundation
public import VarselModel

/// Sends one alert on its channel: composes it from the context and hands it to a transport
/// (SMTP, webhook, or the file sink). The outbox worker knows nothing of channels beyond this.
public protocol AlertSender: Sendable {
    /// One attempt. Never throws: every failure is an `AttemptResult` the outbox can act on.
    func send(_ context: AlertContext, now: Date) async -> AttemptResult
    /// The receiver a row goes to (the SMTP relay, a webhook's host): concurrency is bounded per
    /// receiver, so one slow host cannot starve the others.
    func receiver(of delivery: DeliveryRecord) -> String
}
