// TEMPORARY stand-in until the transports branch lands (it owns this file).
public enum AttemptResult: Sendable, Hashable {
    case delivered(detail: String)
    case retry(error: String, retryAfter: Duration?)
    case permanent(error: String)
}
