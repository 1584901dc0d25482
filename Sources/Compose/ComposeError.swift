/// Everything that can stop an alert from being composed. Template problems surface when the
/// `Composer` is built (at startup or config reload), so a broken template never reaches the
/// outbox; the rest are properties of one delivery and fail only that delivery.
public enum ComposeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The templates folder could not be listed.
    case templatesDirectoryUnreadable(path: String, reason: String)
    /// A template the alerts need is not in the folder.
    case templateMissing(file: String)
    /// A template file exists but could not be read.
    case templateUnreadable(file: String, reason: String)
    /// A template does not parse as Mustache.
    case templateInvalid(file: String, line: Int, column: Int, problem: String)
    /// The change is not one subscribers are told about (baseline, expired).
    case notAlerting(changeID: Int64, change: String)
    /// An address that cannot go into a header unchanged (control characters, spaces, non-ASCII).
    case invalidAddress(String)
    /// The delivery has no recipients.
    case noRecipients(deliveryID: Int64)
    /// A setting that cannot be used in a header (empty Message-ID domain, ...).
    case invalidSetting(name: String, value: String)
    /// The webhook body could not be encoded.
    case webhookEncoding(reason: String)

    public var description: String {
        switch self {
        case .templatesDirectoryUnreadable(let path, let reason):
            "compose: cannot read templates folder \(path): \(reason)"
        case .templateMissing(let file):
            "compose: template \(file) is missing"
        case .templateUnreadable(let file, let reason):
            "compose: template \(file) cannot be read: \(reason)"
        case .templateInvalid(let file, let line, let column, let problem):
            "compose: template \(file) line \(line) column \(column): \(problem)"
        case .notAlerting(let changeID, let change):
            "compose: change \(changeID) (\(change)) is not alerted"
        case .invalidAddress(let address):
            "compose: e-mail address \(address.debugDescription) cannot be used in a header"
        case .noRecipients(let deliveryID):
            "compose: delivery \(deliveryID) has no recipients"
        case .invalidSetting(let name, let value):
            "compose: setting \(name) = \(value.debugDescription) cannot be used"
        case .webhookEncoding(let reason):
            "compose: webhook body cannot be encoded: \(reason)"
        }
    }
}
