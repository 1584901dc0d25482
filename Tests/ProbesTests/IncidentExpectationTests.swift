import Foundation
import Probes
import Testing
import VarselModel

/// Announced maintenance and operators' silences: recorded as expected, alerted only when the
/// API is still down after they end.
@Suite struct IncidentExpectationTests {
    /// "Planlagt vedlikehold 11.06.2024": minutes 0 to 120 of the timeline.
    static let maintenance = AnnouncedWindow(
        notice: NoticeID("planlagt-vedlikehold-11.06.2024"),
        window: MaintenanceWindow(start: IncidentTimeline.at(0), end: IncidentTimeline.at(120)))
    static let expectedByMaintenance = IncidentExpectation.maintenance(
        notice: maintenance.notice, window: maintenance.window)

    static func silence(id: Int64 = 7, api: String = "folkeregisteret", from: Int, to: Int) -> Silence {
        Silence(
            id: id, api: api, start: IncidentTimeline.at(from), end: IncidentTimeline.at(to), reason: "leverandør bytter brannmur",
            createdAt: IncidentTimeline.at(from - 60))
    }

    @Test func outageInsideAnnouncedMaintenanceIsRecordedNotAlertedThenAlertedOnceWhenStillDownAfter() throws {
        var timeline = IncidentTimeline()
        timeline.windows = [Self.maintenance]
        timeline.probe(5...119, up: false)
        #expect(
            timeline.events == [
                .opened(
                    api: "folkeregisteret", environment: .production, at: IncidentTimeline.at(7), since: IncidentTimeline.at(5),
                    cause: .serverError, detail: "HTTP 503", expectation: Self.expectedByMaintenance)
            ])
        #expect(timeline.alerts.isEmpty)
        #expect(timeline.state.open?.alerted == false)

        timeline.probe(120...150, up: false)
        #expect(
            timeline.alerts == [
                .outageAfterWindow(
                    api: "folkeregisteret", environment: .production, at: IncidentTimeline.at(120), since: IncidentTimeline.at(5),
                    ended: Self.expectedByMaintenance)
            ])
        let open = try #require(timeline.state.open)
        #expect(open.alerted)
        #expect(open.expectation == nil)

        timeline.probe(151...152, up: true)
        #expect(timeline.log.map(\.minute) == [7, 120, 152])
        #expect(timeline.alerts.count == 2)
        #expect(timeline.events.last?.isAlerting == true)
    }

    @Test func resolvingAnExpectedIncidentThatWasNeverAlertedIsNotAlerted() {
        var timeline = IncidentTimeline()
        timeline.windows = [Self.maintenance]
        timeline.probe(10...60, up: false)
        timeline.probe(61...62, up: true)
        #expect(timeline.log.map(\.minute) == [12, 62])
        #expect(
            timeline.events.last
                == .resolved(
                    api: "folkeregisteret", environment: .production, at: IncidentTimeline.at(62), openedAt: IncidentTimeline.at(12),
                    alerted: false))
        #expect(timeline.alerts.isEmpty)
    }

    @Test func outageInsideASilenceIsRecordedThenAlertedOnceWhenTheSilenceEnds() {
        var timeline = IncidentTimeline()
        timeline.silences = [Self.silence(from: 0, to: 30)]
        timeline.probe(0...29, up: false)
        #expect(
            timeline.events == [
                .opened(
                    api: "folkeregisteret", environment: .production, at: IncidentTimeline.at(2), since: IncidentTimeline.at(0),
                    cause: .serverError, detail: "HTTP 503", expectation: .silence(id: 7, until: IncidentTimeline.at(30)))
            ])
        #expect(timeline.alerts.isEmpty)
        timeline.probe(30...45, up: false)
        #expect(
            timeline.alerts == [
                .outageAfterWindow(
                    api: "folkeregisteret", environment: .production, at: IncidentTimeline.at(30), since: IncidentTimeline.at(0),
                    ended: .silence(id: 7, until: IncidentTimeline.at(30)))
            ])
    }

    @Test func silenceForAnotherAPIDoesNotExcuseThisOne() {
        var timeline = IncidentTimeline()
        timeline.silences = [Self.silence(api: "inntekt", from: 0, to: 30)]
        timeline.probe(0...2, up: false)
        #expect(timeline.alerts.count == 1)
        #expect(timeline.state.open?.expectation == nil)
    }

    @Test func outageOpenedOutsideEveryWindowIsAlerted() {
        var timeline = IncidentTimeline()
        timeline.windows = [Self.maintenance]
        timeline.silences = [Self.silence(from: 200, to: 300)]
        timeline.probe(120...122, up: false)
        #expect(timeline.alerts.count == 1)
        #expect(timeline.state.open?.alerted == true)
    }

    @Test func windowWithoutAnEndExcusesNothing() {
        var timeline = IncidentTimeline()
        timeline.windows = [
            AnnouncedWindow(notice: NoticeID("vedlikehold-uten-slutt"), window: MaintenanceWindow(start: IncidentTimeline.at(0), end: nil))
        ]
        timeline.probe(1...3, up: false)
        #expect(timeline.alerts.count == 1)
        #expect(timeline.state.open?.expectation == nil)
    }

    @Test func incidentOpenedInsideTheWindowIsExpectedEvenIfTheFirstFailureCameJustBefore() {
        var timeline = IncidentTimeline()
        timeline.windows = [Self.maintenance]
        timeline.probe(-2...0, up: false)
        #expect(timeline.alerts.isEmpty)
        #expect(timeline.state.open?.expectation == Self.expectedByMaintenance)
        #expect(timeline.state.open?.firstFailureAt == IncidentTimeline.at(-2))
    }

    @Test func failuresThatBeganInAWindowAndOutlastItAreRecordedAndAlertedInTheSameStep() {
        var timeline = IncidentTimeline()
        timeline.windows = [Self.maintenance]
        timeline.probe(119...120, up: false)
        #expect(timeline.events.isEmpty)
        let events = timeline.probe(121, up: false)
        #expect(
            events == [
                .opened(
                    api: "folkeregisteret", environment: .production, at: IncidentTimeline.at(121), since: IncidentTimeline.at(119),
                    cause: .serverError, detail: "HTTP 503", expectation: Self.expectedByMaintenance),
                .outageAfterWindow(
                    api: "folkeregisteret", environment: .production, at: IncidentTimeline.at(121), since: IncidentTimeline.at(119),
                    ended: Self.expectedByMaintenance),
            ])
        #expect(events.map(\.isAlerting) == [false, true])
    }

    @Test func announcedMaintenanceIsPreferredOverASilenceCoveringTheSameTime() {
        var timeline = IncidentTimeline()
        timeline.windows = [Self.maintenance]
        timeline.silences = [Self.silence(from: 0, to: 300)]
        timeline.probe(10...12, up: false)
        #expect(timeline.state.open?.expectation == Self.expectedByMaintenance)
    }

    @Test func extendedMaintenanceTakesOverSilentlyAndTheOutageIsAlertedAfterTheLastWindow() {
        var timeline = IncidentTimeline()
        let extended = AnnouncedWindow(
            notice: NoticeID("vedlikeholdet-forlenges"),
            window: MaintenanceWindow(start: IncidentTimeline.at(110), end: IncidentTimeline.at(180)))
        timeline.windows = [Self.maintenance, extended]
        timeline.probe(100...179, up: false)
        #expect(timeline.alerts.isEmpty)
        #expect(
            timeline.state.open?.expectation
                == .maintenance(notice: extended.notice, window: extended.window))
        timeline.probe(180...200, up: false)
        #expect(timeline.log.map(\.minute) == [102, 180])
        #expect(timeline.alerts.count == 1)
    }

    @Test func silenceAddedWhenMaintenanceOverrunsKeepsTheIncidentUnalerted() {
        var timeline = IncidentTimeline()
        timeline.windows = [Self.maintenance]
        timeline.probe(100...110, up: false)
        timeline.silences = [Self.silence(id: 9, from: 110, to: 150)]
        timeline.probe(111...149, up: false)
        #expect(timeline.alerts.isEmpty)
        #expect(timeline.state.open?.expectation == .silence(id: 9, until: IncidentTimeline.at(150)))
        timeline.probe(150, up: false)
        #expect(timeline.alerts.count == 1)
    }

    @Test func maintenanceNoticeNoLongerPassedInExcusesNothingFromTheNextFailure() {
        var timeline = IncidentTimeline()
        timeline.windows = [Self.maintenance]
        timeline.probe(10...20, up: false)
        timeline.windows = []  // the notice was cancelled ("Utgår - ...")
        timeline.probe(21...30, up: false)
        #expect(timeline.log.map(\.minute) == [12, 21])
        #expect(timeline.alerts.count == 1)
    }

    @Test func windowStartingDuringAnAlertedOutageChangesNothing() {
        var timeline = IncidentTimeline()
        timeline.windows = [Self.maintenance]
        timeline.probe(-10...30, up: false)
        #expect(timeline.log.map(\.minute) == [-8])
        #expect(timeline.state.open?.alerted == true)
        #expect(timeline.state.open?.expectation == nil)
    }

    @Test func recoveringBrieflyAfterTheWindowThenFailingAgainAlertsTheOutage() {
        var timeline = IncidentTimeline()
        timeline.windows = [Self.maintenance]
        timeline.probe(100...119, up: false)
        timeline.probe(120, up: true)
        #expect(timeline.alerts.isEmpty)
        timeline.probe(121, up: false)
        #expect(timeline.log.map(\.minute) == [102, 121])
        #expect(timeline.alerts.count == 1)
    }
}
