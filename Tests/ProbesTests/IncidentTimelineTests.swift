import Foundation
import Probes
import Testing
import VarselModel

/// Drives one tracker the way the daemon does: results at minute offsets from `start`, the state
/// carried from step to step, every event kept with the minute it happened at.
struct IncidentTimeline {
    static let start = Date(timeIntervalSince1970: 1_723_621_500)  // 2024-08-14 07:45:00 UTC (09:45 in Oslo)

    var tracker: IncidentTracker
    var state: ProbeState
    var windows: [AnnouncedWindow] = []
    var silences: [Silence] = []
    private(set) var log: [(minute: Int, event: IncidentEvent)] = []

    init(
        api: String = "folkeregisteret", environment: ProbeEnvironment = .production, failureThreshold: Int = 3,
        successThreshold: Int = 2, tlsWarnDays: Int = 14
    ) {
        tracker = IncidentTracker(
            settings: ProbeSettings(
                failureThreshold: failureThreshold, successThreshold: successThreshold, tlsWarnDays: tlsWarnDays))
        state = ProbeState(api: api, environment: environment)
    }

    static func at(_ minute: Int) -> Date { start.addingTimeInterval(Double(minute) * 60) }

    /// One probe at `minute`; returns that step's events.
    @discardableResult
    mutating func probe(
        _ minute: Int, up: Bool, cause: ProbeCause? = nil, detail: String? = nil, certificateExpiresAt: Date? = nil
    ) -> [IncidentEvent] {
        let result = ProbeResult(
            api: state.api, environment: state.environment, url: "https://example.invalid/\(state.api)/",
            at: Self.at(minute), up: up, status: up ? 401 : 503,
            cause: up ? nil : (cause ?? .serverError), detail: up ? nil : (detail ?? "HTTP 503"),
            certificateExpiresAt: certificateExpiresAt)
        let (next, events) = tracker.step(state, result: result, windows: windows, silences: silences)
        state = next
        log += events.map { (minute, $0) }
        return events
    }

    /// Probes every minute in `minutes`, all up or all down.
    mutating func probe(_ minutes: ClosedRange<Int>, up: Bool) {
        for minute in minutes { probe(minute, up: up) }
    }

    var events: [IncidentEvent] { log.map(\.event) }
    var alerts: [IncidentEvent] { events.filter(\.isAlerting) }
}

/// A whole incident, shaped like the real one: Folkeregisteret's "Driftsmelding -
/// Driftsproblemer 14.08" (2024-08-14, "Feilen oppstod ca. kl. 09:45").
@Suite struct IncidentTimelineTests {
    @Test func folkeregisteretOutageResolvesOnlyWhenProbesRecoverNotWhenTheResolvedNoticeArrives() throws {
        var timeline = IncidentTimeline()

        // 09:40-09:44 up; 09:45 the API starts failing: 40 minutes of 503s, one probe a minute.
        // "Driftsmelding - Driftsproblemer 14.08" arrives 10 minutes in and "Driftsproblemer løst"
        // at minute 35 while the probes still fail: the tracker takes no notices, so neither can
        // close the incident (linking them is the store's part, tested in NoticeStoreTests).
        timeline.probe(-5...(-1), up: true)
        timeline.probe(0...39, up: false)
        #expect(timeline.state.open != nil)
        // 10:25 the API answers again.
        timeline.probe(40...45, up: true)

        #expect(timeline.log.map(\.minute) == [2, 41])
        #expect(
            timeline.events == [
                .opened(
                    api: "folkeregisteret", environment: .production, at: IncidentTimeline.at(2), since: IncidentTimeline.at(0),
                    cause: .serverError, detail: "HTTP 503", expectation: nil),
                .resolved(
                    api: "folkeregisteret", environment: .production, at: IncidentTimeline.at(41), openedAt: IncidentTimeline.at(2),
                    alerted: true),
            ])
        #expect(timeline.alerts.count == 2)
        #expect(timeline.state.open == nil)
    }

    @Test func stateSurvivesAStoreRoundTripMidIncidentWithoutAlertingAgain() throws {
        var timeline = IncidentTimeline()
        timeline.probe(0...4, up: false)
        #expect(timeline.events.count == 1)
        // The daemon restarts: the state comes back from its JSON column.
        let stored = try JSONEncoder().encode(timeline.state)
        timeline.state = try JSONDecoder().decode(ProbeState.self, from: stored)
        timeline.probe(5...9, up: false)
        timeline.probe(10...11, up: true)
        #expect(timeline.log.map(\.minute) == [2, 11])
        #expect(timeline.alerts.count == 2)
    }
}
