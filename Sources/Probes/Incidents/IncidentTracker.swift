import Foundation
public import VarselModel

/// The pure incident state machine: one (api, environment)'s remembered state and one probe
/// result in; the next state and what changed out. No clock (time is `result.at`), no I/O, no
/// notices: the daemon stores the state, records the events and routes the alerting ones.
///
/// Rules, in the order `step` applies them:
/// * **Counting with hysteresis.** An up result adds to `consecutiveSuccesses` and zeroes
///   `consecutiveFailures`; a down result does the opposite. So an API flapping up/down never
///   reaches either threshold (with 3/2, alternating results never open an incident, and an open
///   incident stays open until two successes in a row): no flapping alerts.
/// * **Opening.** With no incident open, the down result that makes `failureThreshold` failures
///   in a row opens one: `openedAt` = that result's time, `firstFailureAt` = the first failure
///   of the run (`lastChangeAt`), cause and detail from that result (a down result without a
///   cause counts as `.connection`).
/// * **Expectation, decided at opening.** If the opening time, or else the first failure, lies
///   inside an announced maintenance window for the API, the incident is expected maintenance;
///   else if it lies inside an operator's silence for the API, it is silenced. An expected
///   incident is recorded (`opened` with the expectation) but not alerted. A window without an
///   end excuses nothing (`MaintenanceWindow.contains`). An incident opened outside every window
///   and silence is alerted, and a window announced later never un-alerts it.
/// * **Outage after the window.** On every down result while an expected incident is open, the
///   excuse is checked again at `result.at`: if it still covers that time it stands; if another
///   current window or silence does (an extension, an operator's new silence), that one takes
///   over silently; otherwise `outageAfterWindow` is emitted once, the incident becomes alerted
///   and its expectation is cleared. A window or silence the caller no longer passes (a
///   cancelled notice, a deleted silence) excuses nothing from then on. This can happen in the
///   same step as the opening, when only the first failure was inside a window that has ended.
/// * **Resolving.** With an incident open, the up result that makes `successThreshold` successes
///   in a row resolves it; the `resolved` event alerts only if the incident was alerted.
/// * **TLS expiry.** When `result.certificateExpiresAt` is at most `tlsWarnDays` after
///   `result.at`, `certificateExpiring` is emitted unless that date, or a later one, was already
///   warned about (`tlsWarnedExpiry`). A renewed certificate (a later date) thus re-arms the
///   warning, while two nodes behind one name serving different certificates cannot make it
///   alternate forever. Checked on up and down results alike; silences and windows do not touch it.
///
/// Notices never close anything: a "resolved" notice about the API is only linked to the open
/// incident (by the store, in the transaction that stores the notice); `step` does not take
/// notices, only their windows, so only
/// probe successes resolve a probe incident that still fails.
///
/// Thresholds below 1 count as 1. Results must come in time order per (api, environment), which
/// the runner guarantees; `step` does not reorder them.
public struct IncidentTracker: Sendable {
    public let settings: ProbeSettings

    public init(settings: ProbeSettings) {
        self.settings = settings
    }

    /// One probe result through the state machine (rules above). Pure.
    ///
    /// - Parameters:
    ///   - windows: maintenance windows announced by stored notices about this API.
    ///   - silences: operators' silences; those for other APIs are ignored, so passing all is fine.
    /// - Returns: the state to store, and the events in order (incident events, then TLS).
    /// - Precondition: `result` is for `state.api` and `state.environment`. Feeding another API's
    ///   result would open or close the wrong incident, a wiring bug that must fail loudly in the
    ///   daemon's tests rather than corrupt an incident history quietly.
    public func step(
        _ state: ProbeState, result: ProbeResult, windows: [AnnouncedWindow], silences: [Silence]
    ) -> (ProbeState, [IncidentEvent]) {
        precondition(
            state.api == result.api && state.environment == result.environment,
            "IncidentTracker.step: result for \(result.api)/\(result.environment) given the state of \(state.api)/\(state.environment)"
        )
        var next = state
        var events: [IncidentEvent] = []
        count(result, into: &next)
        if result.up {
            resolveIfDue(result, state: &next, events: &events)
        } else {
            let excuses = Excuses(api: result.api, windows: windows, silences: silences)
            openIfDue(result, excuses: excuses, state: &next, events: &events)
            recheckExpectation(result, excuses: excuses, state: &next, events: &events)
        }
        warnCertificate(result, state: &next, events: &events)
        return (next, events)
    }

    private var failureThreshold: Int { max(1, settings.failureThreshold) }
    private var successThreshold: Int { max(1, settings.successThreshold) }

    private func count(_ result: ProbeResult, into state: inout ProbeState) {
        if state.lastUp != result.up {
            state.lastUp = result.up
            state.lastChangeAt = result.at
        }
        if result.up {
            state.consecutiveSuccesses += 1
            state.consecutiveFailures = 0
        } else {
            state.consecutiveFailures += 1
            state.consecutiveSuccesses = 0
        }
    }

    private func resolveIfDue(_ result: ProbeResult, state: inout ProbeState, events: inout [IncidentEvent]) {
        guard let open = state.open, state.consecutiveSuccesses >= successThreshold else { return }
        state.open = nil
        events.append(
            .resolved(
                api: result.api, environment: result.environment, at: result.at, openedAt: open.openedAt,
                alerted: open.alerted))
    }

    private func openIfDue(
        _ result: ProbeResult, excuses: Excuses, state: inout ProbeState, events: inout [IncidentEvent]
    ) {
        guard state.open == nil, state.consecutiveFailures >= failureThreshold else { return }
        let since = state.lastChangeAt ?? result.at
        let expectation = excuses.covering(result.at) ?? excuses.covering(since)
        let cause = result.cause ?? .connection
        state.open = OpenIncident(
            openedAt: result.at, firstFailureAt: since, cause: cause, detail: result.detail,
            expectation: expectation, alerted: expectation == nil)
        events.append(
            .opened(
                api: result.api, environment: result.environment, at: result.at, since: since, cause: cause,
                detail: result.detail, expectation: expectation))
    }

    private func recheckExpectation(
        _ result: ProbeResult, excuses: Excuses, state: inout ProbeState, events: inout [IncidentEvent]
    ) {
        guard var open = state.open, let expectation = open.expectation else { return }
        if excuses.stillCovers(expectation, at: result.at) { return }
        if let successor = excuses.covering(result.at) {
            open.expectation = successor
        } else {
            open.expectation = nil
            open.alerted = true
            events.append(
                .outageAfterWindow(
                    api: result.api, environment: result.environment, at: result.at, since: open.firstFailureAt,
                    ended: expectation))
        }
        state.open = open
    }

    private func warnCertificate(_ result: ProbeResult, state: inout ProbeState, events: inout [IncidentEvent]) {
        guard let expiresAt = result.certificateExpiresAt else { return }
        let secondsLeft = expiresAt.timeIntervalSince(result.at)
        guard secondsLeft <= Double(settings.tlsWarnDays) * 86_400 else { return }
        if let warned = state.tlsWarnedExpiry, expiresAt <= warned { return }
        state.tlsWarnedExpiry = expiresAt
        let daysLeft = Int((secondsLeft / 86_400).rounded(.down))
        events.append(
            .certificateExpiring(
                api: result.api, environment: result.environment, expiresAt: expiresAt, daysLeft: daysLeft))
    }
}
