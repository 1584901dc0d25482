import Foundation
import VarselModel

/// The announced maintenance windows and operator silences that can excuse one API's failures,
/// as `IncidentTracker` consults them. Module-internal: a lookup, no policy beyond "which one".
struct Excuses {
    let windows: [AnnouncedWindow]
    let silences: [Silence]

    /// Keeps only the silences for `api` (the caller may pass all of them); windows are taken as
    /// given, because they come from notices the caller already matched to the API.
    init(api: String, windows: [AnnouncedWindow], silences: [Silence]) {
        self.windows = windows
        self.silences = silences.filter { $0.api == api }
    }

    /// What excuses a failure at `date`: a maintenance window containing it before a silence
    /// covering it (announced maintenance is the better explanation); among several, the one
    /// that lasts longest, then the smallest notice or silence id, so the answer never depends
    /// on input order. A window without an end contains nothing (`MaintenanceWindow.contains`).
    func covering(_ date: Date) -> IncidentExpectation? {
        let window = windows.filter { $0.window.contains(date) }.min { a, b in
            // Every candidate has an end: `contains` is false without one.
            let (endA, endB) = (a.window.end ?? date, b.window.end ?? date)
            return endA != endB ? endA > endB : a.notice < b.notice
        }
        if let window { return .maintenance(notice: window.notice, window: window.window) }
        let silence = silences.filter { $0.covers(date) }.min { a, b in
            a.end != b.end ? a.end > b.end : a.id < b.id
        }
        if let silence { return .silence(id: silence.id, until: silence.end) }
        return nil
    }

    /// Whether `expectation` is still one of the current excuses and still covers `date`. A
    /// window or silence no longer passed in (a cancelled notice, a deleted silence) covers nothing.
    func stillCovers(_ expectation: IncidentExpectation, at date: Date) -> Bool {
        switch expectation {
        case .maintenance(let notice, let window):
            window.contains(date) && windows.contains { $0.notice == notice && $0.window == window }
        case .silence(let id, _):
            silences.contains { $0.id == id && $0.covers(date) }
        }
    }
}
