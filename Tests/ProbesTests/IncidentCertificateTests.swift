import Foundation
import Probes
import Testing
import VarselModel

/// TLS certificate expiry warnings (`tls_warn_days`, default 14).
@Suite struct IncidentCertificateTests {
    static func days(_ count: Double, after minute: Int = 0) -> Date {
        IncidentTimeline.at(minute).addingTimeInterval(count * 86_400)
    }

    @Test func certificateExpiringWithinTheWarningDaysIsWarnedOncePerExpiryDate() {
        var timeline = IncidentTimeline(tlsWarnDays: 14)
        let expiry = Self.days(10.5)
        #expect(
            timeline.probe(0, up: true, certificateExpiresAt: expiry) == [
                .certificateExpiring(api: "folkeregisteret", environment: .production, expiresAt: expiry, daysLeft: 10)
            ])
        for minute in 1...300 { timeline.probe(minute, up: true, certificateExpiresAt: expiry) }
        #expect(timeline.events.count == 1)
        #expect(timeline.alerts.count == 1)
        #expect(timeline.state.tlsWarnedExpiry == expiry)
    }

    @Test func certificateFurtherAwayThanTheWarningDaysIsNotWarned() {
        var timeline = IncidentTimeline(tlsWarnDays: 14)
        timeline.probe(0, up: true, certificateExpiresAt: Self.days(14.01))
        timeline.probe(1, up: true, certificateExpiresAt: Self.days(90, after: 1))
        #expect(timeline.events.isEmpty)
        #expect(timeline.state.tlsWarnedExpiry == nil)
    }

    @Test func certificateExactlyAtTheWarningDaysIsWarned() {
        var timeline = IncidentTimeline(tlsWarnDays: 14)
        timeline.probe(0, up: true, certificateExpiresAt: Self.days(14))
        #expect(timeline.events.map(\.isAlerting) == [true])
    }

    @Test func renewedCertificateReArmsTheWarning() {
        var timeline = IncidentTimeline(tlsWarnDays: 14)
        let first = Self.days(3)
        timeline.probe(0, up: true, certificateExpiresAt: first)
        // Renewed for 90 days: quiet until that one is 14 days from expiring.
        let renewed = Self.days(90)
        timeline.probe(1, up: true, certificateExpiresAt: renewed)
        #expect(timeline.events.count == 1)
        let late = 76 * 24 * 60 + 1  // minutes: a little under 14 days before `renewed`
        timeline.probe(late, up: true, certificateExpiresAt: renewed)
        #expect(
            timeline.events == [
                .certificateExpiring(api: "folkeregisteret", environment: .production, expiresAt: first, daysLeft: 3),
                .certificateExpiring(api: "folkeregisteret", environment: .production, expiresAt: renewed, daysLeft: 13),
            ])
    }

    @Test func twoNodesServingDifferentCertificatesDoNotWarnOnEveryProbe() {
        var timeline = IncidentTimeline(tlsWarnDays: 14)
        let (older, newer) = (Self.days(5), Self.days(9))
        for minute in 0..<100 { timeline.probe(minute, up: true, certificateExpiresAt: minute.isMultiple(of: 2) ? older : newer) }
        #expect(timeline.log.map(\.minute) == [0, 1])
    }

    @Test func certificateIsWarnedAboutOnFailingProbesToo() {
        var timeline = IncidentTimeline(tlsWarnDays: 14)
        let expiry = Self.days(0.5)
        let events = timeline.probe(0, up: false, cause: .serverError, certificateExpiresAt: expiry)
        #expect(
            events == [
                .certificateExpiring(api: "folkeregisteret", environment: .production, expiresAt: expiry, daysLeft: 0)
            ])
    }

    @Test func certificateWarningComesAfterTheIncidentEventOfTheSameStep() {
        var timeline = IncidentTimeline(failureThreshold: 1, tlsWarnDays: 14)
        let events = timeline.probe(0, up: false, certificateExpiresAt: Self.days(2))
        guard events.count == 2, case .opened = events[0], case .certificateExpiring = events[1] else {
            Issue.record("unexpected events: \(events)")
            return
        }
    }
}
