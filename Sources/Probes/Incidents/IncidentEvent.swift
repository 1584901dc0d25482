public import Foundation
public import VarselModel

/// What one probe result changed about an (api, environment): the tracker's output, turned by
/// the daemon into a stored incident row and, when `isAlerting`, into a change that goes through
/// the same routing and outbox as notices.
public enum IncidentEvent: Sendable, Hashable, Codable {
    /// `failureThreshold` failures in a row: an incident opened at `at`, the API down `since` the
    /// first of them. With an `expectation` (announced maintenance, an operator's silence) it is
    /// recorded but not alerted.
    case opened(
        api: String, environment: ProbeEnvironment, at: Date, since: Date, cause: ProbeCause, detail: String?,
        expectation: IncidentExpectation?)
    /// An expected incident is still failing at `at` although the maintenance window (or silence)
    /// that excused it ended and nothing else covers it: alert it now, once. `ended` is the
    /// expectation that ran out (the notice and its window, or the silence and its end); `since`
    /// is the first failure of the run.
    case outageAfterWindow(api: String, environment: ProbeEnvironment, at: Date, since: Date, ended: IncidentExpectation)
    /// `successThreshold` successes in a row closed the incident opened at `openedAt`. `alerted`
    /// tells whether its opening (or its outage after a window) was alerted: a resolution nobody
    /// was told about the start of is not alerted either.
    case resolved(api: String, environment: ProbeEnvironment, at: Date, openedAt: Date, alerted: Bool)
    /// The server's certificate expires at `expiresAt`, within `tlsWarnDays`. `daysLeft` is whole
    /// days, rounded down (0: less than a day; negative: already expired, which a verifying probe
    /// only sees as a TLS failure). Emitted once per expiry date.
    case certificateExpiring(api: String, environment: ProbeEnvironment, expiresAt: Date, daysLeft: Int)

    /// Whether subscribers are told: every event except an expected opening and the resolution
    /// of an incident that was never alerted.
    public var isAlerting: Bool {
        switch self {
        case .opened(_, _, _, _, _, _, let expectation): expectation == nil
        case .outageAfterWindow: true
        case .resolved(_, _, _, _, let alerted): alerted
        case .certificateExpiring: true
        }
    }

    /// The API the event is about.
    public var api: String {
        switch self {
        case .opened(let api, _, _, _, _, _, _), .outageAfterWindow(let api, _, _, _, _),
            .resolved(let api, _, _, _, _), .certificateExpiring(let api, _, _, _):
            api
        }
    }
}
