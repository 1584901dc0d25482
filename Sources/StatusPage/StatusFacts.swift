import Foundation
import VarselModel

/// The rules that turn a status page's structure into `SourceFacts`, shared by the JSON and the
/// history-feed adapters so both sources of one incident agree.
enum StatusFacts {
    /// Kind from the status word:
    /// - investigating / identified / monitoring / update -> incident;
    /// - resolved / postmortem -> resolved;
    /// - in a maintenance, scheduled / in_progress / verifying -> maintenance, completed -> resolved,
    ///   but completed when the last update came before the window opened -> cancelled: Statuspage
    ///   has no "cancelled" state, and owners cancel a maintenance by completing it early;
    /// - an unknown word in a maintenance -> maintenance; elsewhere nil (left to the text rules).
    static func kind(status: UpdateStatus?, isMaintenance: Bool, lastUpdateAt: Date?, windowStart: Date?)
        -> NoticeKind?
    {
        guard let status else { return isMaintenance ? .maintenance : nil }
        if status == .completed, let lastUpdateAt, let windowStart, lastUpdateAt < windowStart {
            return .cancelled
        }
        return status.kind
    }

    /// `impact` as a severity; "maintenance" and unknown words are not a severity.
    static func severity(impact: String?) -> Severity? {
        impact.flatMap { Severity(rawValue: $0.lowercased()) }
    }

    /// The legacy API shape lists this pseudo-component (no code) on updates that touched none.
    static let noComponentsPlaceholder = "No components were affected by this update."

    /// Union of component lists, one per code (else per name; a codeless one whose name a coded
    /// one already has is the same component), legacy placeholders dropped, sorted.
    static func components(_ lists: [[StatusComponent]]) -> [StatusComponent] {
        let all = lists.joined().filter { !($0.code == nil && $0.name == noComponentsPlaceholder) && !$0.name.isEmpty }
        var byCode: [String: StatusComponent] = [:]
        for component in all {
            guard let code = component.code else { continue }
            if byCode[code] == nil { byCode[code] = component }
        }
        let codedNames = Set(byCode.values.map(\.name))
        var byName: [String: StatusComponent] = [:]
        for component in all where component.code == nil && !codedNames.contains(component.name) {
            byName[component.name] = component
        }
        return (Array(byCode.values) + Array(byName.values)).sorted()
    }

    /// Newest first by the time the page shows; ties keep document order (Statuspage lists the
    /// newest first, and the feed prints updates that share a minute in that order too).
    static func newestFirst(_ updates: [StatusIncidentUpdate]) -> [StatusIncidentUpdate] {
        let indexed = Array(updates.enumerated())
        return indexed.sorted { a, b in
            switch (a.element.shownAt, b.element.shownAt) {
            case (let x?, let y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
