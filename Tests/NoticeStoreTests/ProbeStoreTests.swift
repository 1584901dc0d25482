import Foundation
import NoticeStore
import Testing
import VarselModel

private func result(_ api: String, up: Bool, at: Date, cause: ProbeCause? = nil) -> ProbeResult {
    ProbeResult(
        api: api, environment: .production, url: "https://\(api).api.skatteetaten.no/v1/", at: at, up: up,
        status: up ? 401 : nil, cause: up ? nil : cause, detail: up ? "HTTP 401" : "timeout after 10s",
        timings: ProbeTimings(dns: 0.001, connect: 0.002, tls: 0.01, firstByte: 0.05, total: 0.06))
}

private func incidentWrite(_ action: IncidentWrite.Action, api: String = "inntekt", at: Date, alert: Bool = true, kind: NoticeKind = .incident)
    -> IncidentWrite
{
    let id = "probe:\(api):production:\(Int(at.timeIntervalSince1970))"
    return IncidentWrite(
        api: api, environment: .production, at: at, action: action,
        entry: FeedEntry(id: id, title: "Inntekt API svarer ikke", published: at, contentText: "Tidsavbrudd \(kind)"),
        fingerprint: Fingerprint(text: "\(kind)\(at)", body: "b", version: "v\(at)"),
        classification: Classification(kind: kind, apis: [api], scope: .apis), alert: alert,
        note: alert ? "" : "forventet: vedlikehold")
}

@Suite struct ProbeStoreTests {
    @Test func openingAnIncidentWritesItsNoticeChangeAndAlertsInOneRound() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        let changes = try await store.recordProbeRound(
            ProbeRoundWrite(
                results: [result("inntekt", up: false, at: t0, cause: .timeout)], conclusive: true,
                states: [ProbeStateKey(api: "inntekt", environment: .production): "{\"failures\":3}"],
                incidents: [
                    incidentWrite(.open(firstFailureAt: t0.addingTimeInterval(-120), cause: .timeout, detail: "timeout", expectation: nil), at: t0)
                ]),
            route: routeTo(["oslo"]))
        #expect(changes.map(\.change) == [.new] && changes.first?.feedID == .probes)
        let incidents = try await store.incidents(IncidentFilter(openOnly: true))
        let incident = try #require(incidents.first)
        #expect(incident.api == "inntekt" && incident.cause == .timeout && incident.alerted && incident.resolvedAt == nil)
        #expect(incident.noticeID == changes.first?.noticeID)
        #expect(try await store.deliveries().map(\.planned.subscriberID.rawValue) == ["oslo"])
        #expect(try await store.probeStates()[ProbeStateKey(api: "inntekt", environment: .production)] == "{\"failures\":3}")
        #expect(try await store.latestProbeResults().map(\.cause) == [.timeout])
    }

    @Test func resolvingAddsAVersionToTheIncidentsNoticeAndClosesIt() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        let opened = incidentWrite(.open(firstFailureAt: t0, cause: .serverError, detail: "HTTP 503", expectation: nil), at: t0)
        _ = try await store.recordProbeRound(
            ProbeRoundWrite(results: [], conclusive: true, states: [:], incidents: [opened]), route: routeTo(["oslo"]))
        var resolved = incidentWrite(.resolve, at: t0.addingTimeInterval(600), kind: .resolved)
        resolved.entry.id = opened.entry.id
        let changes = try await store.recordProbeRound(
            ProbeRoundWrite(results: [], conclusive: true, states: [:], incidents: [resolved]), route: routeTo(["oslo"]))
        #expect(changes.map(\.change) == [.changed] && changes.first?.noticeID.rawValue == opened.entry.id)
        let incident = try #require(try await store.incidents().first)
        #expect(incident.resolvedAt == t0.addingTimeInterval(600) && incident.duration == 600)
        #expect(try await store.incidents(IncidentFilter(openOnly: true)).isEmpty)
        #expect(try await store.notice(opened.entry.id).versions.count == 2)
    }

    @Test func expectedIncidentIsRecordedWithoutAlertsUntilEscalated() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        let window = MaintenanceWindow(start: t0, end: t0.addingTimeInterval(3600))
        let expected = incidentWrite(
            .open(firstFailureAt: t0, cause: .connectionRefused, detail: nil, expectation: .maintenance(notice: NoticeID("n1"), window: window)),
            at: t0.addingTimeInterval(60), alert: false)
        let changes = try await store.recordProbeRound(
            ProbeRoundWrite(results: [], conclusive: true, states: [:], incidents: [expected]), route: routeTo(["oslo"]))
        #expect(try await store.deliveries().isEmpty)
        #expect(try await store.routingNote(change: changes[0].id) == "forventet: vedlikehold")
        #expect(try await store.incidents().first?.expectation == .maintenance(notice: NoticeID("n1"), window: window))
        _ = try await store.recordProbeRound(
            ProbeRoundWrite(results: [], conclusive: true, states: [:], incidents: [incidentWrite(.escalate, at: t0.addingTimeInterval(3700))]),
            route: routeTo(["oslo"]))
        let incident = try #require(try await store.incidents().first)
        #expect(incident.alerted && incident.expectation == nil)
        #expect(try await store.deliveries().count == 1)
    }

    @Test func noticeAboutAnAPIWithAnOpenIncidentIsLinkedToIt() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordProbeRound(
            ProbeRoundWrite(
                results: [], conclusive: true, states: [:],
                incidents: [incidentWrite(.open(firstFailureAt: t0, cause: .timeout, detail: nil, expectation: nil), at: t0)]),
            route: routeTo([]))
        let about = update("n-inntekt", .new, title: "Driftsproblemer Inntekt API")
        let other = update("n-restanser", .new, title: "Restanser")
        _ = try await store.recordModified(
            poll(
                [about, other], at: t0.addingTimeInterval(300),
                classifications: [
                    NoticeID("n-inntekt"): Classification(kind: .incident, apis: ["inntekt"], scope: .apis),
                    NoticeID("n-restanser"): Classification(kind: .incident, apis: ["restanser"], scope: .apis),
                ]))
        #expect(try await store.incidents().first?.linkedNotices == [NoticeID("n-inntekt")])
    }

    @Test func silencesAreListedUntilRemovedOrOver() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        let silence = try await store.addSilence(api: "inntekt", start: t0, end: t0.addingTimeInterval(3600), reason: "flytting", now: t0)
        _ = try await store.addSilence(api: "restanser", start: t0, end: t0.addingTimeInterval(60), reason: "kort", now: t0)
        #expect(try await store.silences(activeAfter: t0.addingTimeInterval(120)).map(\.api) == ["inntekt"])
        #expect(try await store.removeSilence(id: silence.id, now: t0))
        #expect(!(try await store.removeSilence(id: silence.id, now: t0)))
        #expect(try await store.silences(activeAfter: t0).map(\.api) == ["restanser"])
    }

    @Test func oldProbeResultsArePrunedAndIncidentsKept() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        _ = try await store.recordProbeRound(
            ProbeRoundWrite(
                results: [result("inntekt", up: true, at: t0), result("inntekt", up: false, at: t0.addingTimeInterval(86_400), cause: .dns)],
                conclusive: true, states: [:],
                incidents: [incidentWrite(.open(firstFailureAt: t0, cause: .dns, detail: nil, expectation: nil), at: t0)]),
            route: routeTo([]))
        #expect(try await store.pruneProbeResults(before: t0.addingTimeInterval(3600)) == 1)
        #expect(try await store.latestProbeResults().map(\.cause) == [.dns])
        #expect(try await store.incidents().count == 1)
    }

    @Test func maintenanceWindowsOfActiveNoticesAreFoundByAPI() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        let window = MaintenanceWindow(start: t0, end: t0.addingTimeInterval(7200))
        _ = try await store.recordModified(
            poll(
                [update("m1", .new, title: "Planlagt vedlikehold")], at: t0,
                classifications: [
                    NoticeID("m1"): Classification(kind: .maintenance, apis: ["inntekt", "restanser"], scope: .apis, maintenanceWindow: window)
                ]))
        let windows = try await store.maintenanceWindows(api: "restanser")
        #expect(windows.map(\.notice) == [NoticeID("m1")] && windows.first?.window == window)
        #expect(try await store.maintenanceWindows(api: "pgi").isEmpty)
    }

    /// "Kl. 00:00-02:00, og kl. 18:00-20:00": an outage in the second window is expected too.
    @Test func everyWindowOfANoticeCountsForExpectedIncidents() async throws {
        let temp = TempStore()
        defer { temp.remove() }
        let store = try temp.open()
        let first = MaintenanceWindow(start: t0, end: t0.addingTimeInterval(7200))
        let second = MaintenanceWindow(start: t0.addingTimeInterval(18 * 3600), end: t0.addingTimeInterval(20 * 3600))
        var classification = Classification(kind: .maintenance, apis: ["folkeregisteret"], scope: .apis)
        classification.maintenanceWindows = [first, second]
        _ = try await store.recordModified(
            poll([update("m2", .new, title: "Nedetid for produsenter")], at: t0, classifications: [NoticeID("m2"): classification]))
        let windows = try await store.maintenanceWindows(api: "folkeregisteret")
        #expect(windows.map(\.window) == [first, second])
    }
}
