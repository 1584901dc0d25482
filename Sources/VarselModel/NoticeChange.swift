import Foundation

/// The kind of difference a poll found for one notice. Stored in history and printed by
/// `varselvakt history`; the raw values are part of the CLI's JSON contract.
public enum ChangeType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Seen on the first poll of a feed; recorded, never alerted.
    case baseline
    /// A notice not seen before.
    case new
    /// Its text changed (title, summary or content after normalisation).
    case changed
    /// Removed from the feed while inside its window, for N polls in a row.
    case withdrawn
    /// Fell off the bottom of the feed's window. Never alerted.
    case expired
    /// A withdrawn notice came back.
    case reappeared

    /// Whether subscribers hear about this kind of change.
    public var isAlerting: Bool {
        switch self {
        case .new, .changed, .withdrawn, .reappeared: true
        case .baseline, .expired: false
        }
    }
}
