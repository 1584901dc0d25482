/// Why a part of the delivery machinery could not be set up. Attempts themselves never throw:
/// they return an ``AttemptResult``; this is for configuration-time failures that stop the
/// service from starting (a file-sink directory that cannot be created).
public enum DeliveryError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file sink's directory (or one of its maildir folders) could not be created or is not
    /// a writable directory.
    case fileSink(path: String, reason: String)

    public var description: String {
        switch self {
        case .fileSink(let path, let reason): "delivery: file sink \(path): \(reason)"
        }
    }
}
