import Foundation
public import VarselModel

/// The status word of one incident update, whether it came from the API (`"in_progress"`) or
/// from a history feed's label (`"In progress"`, or a Norwegian page's `"Pågår"`).
///
/// One vocabulary for both sources, so the same incident read from JSON and from the feed gets
/// the same label and the same kind.
public enum UpdateStatus: String, Sendable, Hashable, CaseIterable {
    case investigating, identified, monitoring, update, resolved, postmortem
    case scheduled, inProgress = "in_progress", verifying, completed

    /// Recognises an API status or a feed label, English or Norwegian, in any case; nil for a
    /// word Statuspage does not use (shown as written by the caller).
    public init?(word: String) {
        // The JSON API's own words need no folding; they are nearly every call.
        if let exact = UpdateStatus(rawValue: word) {
            self = exact
            return
        }
        let key = word.trimmed.lowercased()
            .replacingOccurrences(of: " ", with: "_")
        if let known = UpdateStatus(rawValue: key) {
            self = known
            return
        }
        guard let known = Self.allCases.first(where: { $0.norwegianLabel.lowercased() == key }) else { return nil }
        self = known
    }

    /// The label varselvakt shows ("Undersøker", "Pågår" ...).
    public var norwegianLabel: String {
        switch self {
        case .investigating: "Undersøker"
        case .identified: "Identifisert"
        case .monitoring: "Overvåker"
        case .update: "Oppdatering"
        case .resolved: "Løst"
        case .postmortem: "Etterrapport"
        case .scheduled: "Planlagt"
        case .inProgress: "Pågår"
        case .verifying: "Verifiserer"
        case .completed: "Fullført"
        }
    }

    /// Whether only a scheduled maintenance uses this status.
    public var isMaintenanceStatus: Bool {
        switch self {
        case .scheduled, .inProgress, .verifying, .completed: true
        default: false
        }
    }

    /// The notice kind this status means. A completed maintenance is `.resolved` here; whether it
    /// was in fact cancelled depends on its window (see `StatusFacts`).
    public var kind: NoticeKind {
        switch self {
        case .investigating, .identified, .monitoring, .update: .incident
        case .resolved, .postmortem, .completed: .resolved
        case .scheduled, .inProgress, .verifying: .maintenance
        }
    }

    /// The label for any raw word: the Norwegian one when known, else the word as written.
    public static func label(for word: String) -> String {
        UpdateStatus(word: word)?.norwegianLabel ?? word.trimmed
    }
}
