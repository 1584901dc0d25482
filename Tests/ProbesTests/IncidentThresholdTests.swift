import Foundation
import Probes
import Testing
import VarselModel

/// failure_threshold / success_threshold and the hysteresis between them.
@Suite struct IncidentThresholdTests {
    @Test func thirdFailureOpensAndSecondSuccessResolvesExactlyOnceWithTheirTimes() throws {
        var timeline = IncidentTimeline(failureThreshold: 3, successThreshold: 2)
        timeline.probe(0, up: true)
        #expect(timeline.probe(1, up: false).isEmpty)
        #expect(timeline.probe(2, up: false).isEmpty)
        let opened = timeline.probe(3, up: false, cause: .timeout, detail: "timeout after 10s")
        #expect(
            opened == [
                .opened(
                    api: "folkeregisteret", environment: .production, at: IncidentTimeline.at(3), since: IncidentTimeline.at(1),
                    cause: .timeout, detail: "timeout after 10s", expectation: nil)
            ])
        let open = try #require(timeline.state.open)
        #expect(open == OpenIncident(
            openedAt: IncidentTimeline.at(3), firstFailureAt: IncidentTimeline.at(1), cause: .timeout, detail: "timeout after 10s",
            expectation: nil, alerted: true))
        timeline.probe(4...10, up: false)
        #expect(timeline.probe(11, up: true).isEmpty)
        #expect(
            timeline.probe(12, up: true) == [
                .resolved(
                    api: "folkeregisteret", environment: .production, at: IncidentTimeline.at(12), openedAt: IncidentTimeline.at(3),
                    alerted: true)
            ])
        timeline.probe(13...20, up: true)
        #expect(timeline.log.map(\.minute) == [3, 12])
        #expect(timeline.state.open == nil)
        #expect(timeline.state.consecutiveSuccesses == 10)
        #expect(timeline.state.lastChangeAt == IncidentTimeline.at(11))
    }

    @Test func flappingAPINeverOpensAnIncident() {
        var timeline = IncidentTimeline(failureThreshold: 3, successThreshold: 2)
        for minute in 0..<120 { timeline.probe(minute, up: minute.isMultiple(of: 2)) }
        #expect(timeline.events.isEmpty)
        // Two down, one up, forever: still never three in a row.
        for minute in 120..<240 { timeline.probe(minute, up: minute % 3 == 0) }
        #expect(timeline.events.isEmpty)
    }

    @Test func flappingWhileOpenNeverResolvesUntilTwoSuccessesInARow() {
        var timeline = IncidentTimeline(failureThreshold: 3, successThreshold: 2)
        timeline.probe(0...2, up: false)
        for minute in 3..<60 { timeline.probe(minute, up: minute.isMultiple(of: 2)) }
        #expect(timeline.log.map(\.minute) == [2])
        #expect(timeline.state.open?.openedAt == IncidentTimeline.at(2))
        timeline.probe(60...61, up: true)
        #expect(timeline.log.map(\.minute) == [2, 61])
    }

    @Test func successResetsTheFailureCountAndTheFirstFailureTime() {
        var timeline = IncidentTimeline(failureThreshold: 3, successThreshold: 2)
        timeline.probe(0...1, up: false)
        timeline.probe(2, up: true)
        #expect(timeline.state.consecutiveFailures == 0)
        timeline.probe(3...4, up: false)
        #expect(timeline.events.isEmpty)
        timeline.probe(5, up: false)
        guard case .opened(_, _, let at, let since, _, _, _) = timeline.events.first else {
            Issue.record("no incident opened: \(timeline.events)")
            return
        }
        #expect(at == IncidentTimeline.at(5))
        #expect(since == IncidentTimeline.at(3))
    }

    @Test func thresholdsOfOneOpenAndResolveOnTheFirstResult() {
        var timeline = IncidentTimeline(failureThreshold: 1, successThreshold: 1)
        timeline.probe(0, up: false)
        timeline.probe(1, up: true)
        #expect(timeline.log.map(\.minute) == [0, 1])
    }

    @Test func thresholdsBelowOneCountAsOne() {
        var timeline = IncidentTimeline(failureThreshold: 0, successThreshold: -2)
        timeline.probe(0, up: true)
        #expect(timeline.events.isEmpty)
        timeline.probe(1, up: false)
        timeline.probe(2, up: true)
        #expect(timeline.log.map(\.minute) == [1, 2])
    }

    @Test func downResultWithoutACauseOpensAsConnectionFailure() {
        var timeline = IncidentTimeline(failureThreshold: 1)
        let result = ProbeResult(
            api: "folkeregisteret", environment: .production, url: "https://example.invalid/", at: IncidentTimeline.at(0),
            up: false)
        let (state, events) = timeline.tracker.step(timeline.state, result: result, windows: [], silences: [])
        #expect(state.open?.cause == .connection)
        #expect(events.count == 1)
        timeline.state = state
    }

    @Test func resultForAnotherAPIStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            let tracker = IncidentTracker(settings: ProbeSettings())
            let result = ProbeResult(
                api: "inntekt", environment: .production, url: "https://example.invalid/", at: IncidentTimeline.at(0), up: false,
                cause: .timeout)
            _ = tracker.step(
                ProbeState(api: "folkeregisteret", environment: .production), result: result, windows: [], silences: [])
        }
    }

    @Test func resultForTheOtherEnvironmentStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            let tracker = IncidentTracker(settings: ProbeSettings())
            let result = ProbeResult(
                api: "folkeregisteret", environment: .test, url: "https://example.invalid/", at: IncidentTimeline.at(0), up: true)
            _ = tracker.step(
                ProbeState(api: "folkeregisteret", environment: .production), result: result, windows: [], silences: [])
        }
    }
}
