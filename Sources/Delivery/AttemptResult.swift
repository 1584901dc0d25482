/// The outcome of one delivery attempt, as the outbox needs it: delivered, try again later, or
/// give up now.
///
/// Why three cases and not an error type: the outbox's only decisions are "mark delivered",
/// "schedule a retry (honouring the receiver's Retry-After)" and "mark dead at once and show the
/// operator". Every transport (webhook, SMTP, file sink) classifies its own failures at the edge,
/// where the protocol's meaning is known, and hands back one line of text an operator can act on.
///
/// The strings never contain a secret (signing key, SMTP password, URL userinfo or query) and
/// text that came from the receiver is sanitised (control characters removed, ~200 characters at
/// most), so they can go straight into logs and the delivery history.
public enum AttemptResult: Sendable, Hashable, CustomStringConvertible {
    /// Accepted by the receiver; `detail` says how ("HTTP 200", "SMTP 250 via smtp://host:587 (3 recipients)").
    case delivered(detail: String)
    /// A transient failure (HTTP 5xx/408/429, timeout, refused connection, SMTP 4xx, ...); try again.
    /// `retryAfter` is what the receiver asked for (`Retry-After`), `nil` when it did not say;
    /// capping it is the outbox's policy.
    case retry(error: String, retryAfter: Duration?)
    /// Retrying cannot help (HTTP 4xx other than 408/429, an unfollowed redirect, SMTP 5xx, a bad
    /// URL or address); the delivery is dead and the operator must fix something.
    case permanent(error: String)

    /// Whether the receiver accepted the message.
    public var isDelivered: Bool {
        if case .delivered = self { return true }
        return false
    }

    /// The failure text, `nil` for a delivery.
    public var error: String? {
        switch self {
        case .delivered: nil
        case .retry(let error, _), .permanent(let error): error
        }
    }

    public var description: String {
        switch self {
        case .delivered(let detail): "delivered: \(detail)"
        case .retry(let error, let after?): "retry (receiver asks for \(OperatorText.duration(after))): \(error)"
        case .retry(let error, nil): "retry: \(error)"
        case .permanent(let error): "permanent failure: \(error)"
        }
    }
}
