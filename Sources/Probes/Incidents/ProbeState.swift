public import Foundation
public import VarselModel

/// Everything the incident state machine remembers about one (api, environment) between two
/// probes. The daemon stores it (as JSON or as columns) and hands it back to
/// `IncidentTracker.step` with the next result; nothing else is kept anywhere, so a restart
/// that reloads this value continues exactly where it stopped (an open incident stays open and
/// is not alerted a second time).
///
/// `api` and `environment` name whose state this is, so `step` can refuse a result meant for
/// another one (see `IncidentTracker.step`).
public struct ProbeState: Sendable, Hashable, Codable {
    /// Catalog API id.
    public var api: String
    public var environment: ProbeEnvironment
    /// Down results in a row (0 after an up result).
    public var consecutiveFailures: Int
    /// Up results in a row (0 after a down result).
    public var consecutiveSuccesses: Int
    /// The incident currently open, if any. At most one per (api, environment).
    public var open: OpenIncident?
    /// Whether the last result was up; nil before the first result.
    public var lastUp: Bool?
    /// When the current run of up (or down) results began: the time of the first result after
    /// `lastUp` last changed. For a down run this is the run's first failure.
    public var lastChangeAt: Date?
    /// The certificate expiry date last warned about (`certificateExpiring`); a later date re-arms.
    public var tlsWarnedExpiry: Date?

    /// The state of an API never probed: nothing counted, nothing open.
    public init(
        api: String, environment: ProbeEnvironment, consecutiveFailures: Int = 0, consecutiveSuccesses: Int = 0,
        open: OpenIncident? = nil, lastUp: Bool? = nil, lastChangeAt: Date? = nil, tlsWarnedExpiry: Date? = nil
    ) {
        self.api = api
        self.environment = environment
        self.consecutiveFailures = consecutiveFailures
        self.consecutiveSuccesses = consecutiveSuccesses
        self.open = open
        self.lastUp = lastUp
        self.lastChangeAt = lastChangeAt
        self.tlsWarnedExpiry = tlsWarnedExpiry
    }
}

/// An incident that opened and has not yet been resolved by enough successes.
public struct OpenIncident: Sendable, Hashable, Codable {
    /// The time of the result that reached `failureThreshold`.
    public var openedAt: Date
    /// The time of the first failure of the run that opened it (so "down since" is honest).
    public var firstFailureAt: Date
    /// Why the probe that opened it counted as down.
    public var cause: ProbeCause
    /// That probe's one-line detail ("HTTP 503", curl's message).
    public var detail: String?
    /// Why it is not (yet) an outage: inside announced maintenance or an operator's silence.
    /// nil once alerted.
    public var expectation: IncidentExpectation?
    /// Whether subscribers were told about it (at opening, or later by `outageAfterWindow`).
    /// Decides whether its resolution is alerted.
    public var alerted: Bool

    public init(
        openedAt: Date, firstFailureAt: Date, cause: ProbeCause, detail: String? = nil,
        expectation: IncidentExpectation? = nil, alerted: Bool
    ) {
        self.openedAt = openedAt
        self.firstFailureAt = firstFailureAt
        self.cause = cause
        self.detail = detail
        self.expectation = expectation
        self.alerted = alerted
    }
}

/// A maintenance window announced for one API by a stored notice (its `Classification`'s
/// `maintenanceWindow`). The caller passes only windows of notices about the API being stepped.
public struct AnnouncedWindow: Sendable, Hashable, Codable {
    public var notice: NoticeID
    public var window: MaintenanceWindow

    public init(notice: NoticeID, window: MaintenanceWindow) {
        self.notice = notice
        self.window = window
    }
}
