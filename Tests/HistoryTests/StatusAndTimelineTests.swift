import Foundation
import History
import NoticeStore
import Testing
import VarselConfig
import VarselModel

@Suite struct StatusAndTimelineTests {
    /// inntekt: an open incident (opened t0 + 1h), two notices, a maintenance window that ended
    /// and one to come; folkeregisteret: one notice, no probe; the feed polled once.
    func filled() async throws -> HistoryFixture {
        let f = try HistoryFixture()
        let past = MaintenanceWindow(start: t0.addingTimeInterval(-7200), end: t0.addingTimeInterval(-3600))
        let soon = MaintenanceWindow(start: t0.addingTimeInterval(7200), end: t0.addingTimeInterval(10_800))
        let later = MaintenanceWindow(start: t0.addingTimeInterval(86_400), end: t0.addingTimeInterval(90_000))
        try await f.add(
            [
                TestNotice(id: "old", title: "Gammel feil", published: t0.addingTimeInterval(-86_400), apis: ["inntekt"]),
                TestNotice(
                    id: "maint", title: "Vedlikehold av Inntekt API", published: t0.addingTimeInterval(-3600 * 3),
                    kind: .maintenance, apis: ["inntekt"], windows: [past, later, soon]),
                TestNotice(id: "folk", title: "Folkeregisteret treg", published: t0, apis: ["folkeregisteret"]),
            ], at: t0, subscribers: ["oslo"])
        try await openIncident(f.store, api: "inntekt", at: t0.addingTimeInterval(3600))
        return f
    }

    @Test func statusShowsProbesOpenIncidentNewestNoticeAndNextWindowPerAPI() async throws {
        let f = try await filled()
        defer { f.remove() }
        let report = try await f.reader.status(now: t0.addingTimeInterval(3700))
        let inntekt = try #require(report.apis.first { $0.id == "inntekt" })
        #expect(inntekt.probes.map(\.up) == [false])
        #expect(inntekt.openIncident?.openedAt == t0.addingTimeInterval(3600))
        #expect(inntekt.newestNotice?.id == NoticeID("maint"))
        #expect(inntekt.nextWindow?.start == t0.addingTimeInterval(7200))
        #expect(inntekt.nextWindowNotice == NoticeID("maint"))
        let folk = try #require(report.apis.first { $0.id == "folkeregisteret" })
        #expect(folk.probes.isEmpty && folk.openIncident == nil && folk.nextWindow == nil)
        #expect(folk.newestNotice?.entry.title == "Folkeregisteret treg")
        #expect(report.apis.count == f.config.catalog.apis.count)
        #expect(report.sources.map(\.feed) == [skatteetaten])
        #expect(report.sources.first?.state?.lastSuccessAt == t0 && report.sources.first?.name == "Skatteetaten driftsmeldinger")
        // Once the soon window is over, the next is the later one.
        let tomorrow = try await f.reader.status(now: t0.addingTimeInterval(20_000))
        #expect(tomorrow.apis.first { $0.id == "inntekt" }?.nextWindow?.start == t0.addingTimeInterval(86_400))
    }

    @Test func timelineMergesNoticesIncidentsMaintenanceAndDeliveriesNewestFirst() async throws {
        let f = try await filled()
        defer { f.remove() }
        let rows = try await f.store.dueDeliveries(now: t0)
        try await f.store.recordAttempts([
            DeliveryAttempt(deliveryID: rows[0].id, at: t0.addingTimeInterval(60), outcome: .sent(detail: "HTTP 200")),
            DeliveryAttempt(deliveryID: rows[1].id, at: t0.addingTimeInterval(120), outcome: .dead(error: "HTTP 410")),
        ])
        try await resolveIncident(f.store, api: "inntekt", openedAt: t0.addingTimeInterval(3600), at: t0.addingTimeInterval(5400))
        let events = try await f.reader.timeline(from: t0.addingTimeInterval(-5400), to: t0.addingTimeInterval(9000))
        #expect(events.map(\.at) == events.map(\.at).sorted(by: >))
        let lines = events.map { "\($0.kind.rawValue) \($0.summary)" }
        #expect(
            lines == [
                "maintenance_starts Vedlikehold starter: Vedlikehold av Inntekt API",
                "incident_resolved Svarer igjen: inntekt (produksjon) etter 30 min",
                "notice Endret: inntekt svarer igjen",
                "incident_opened Brudd oppdaget: inntekt (produksjon): serverfeil (5xx)",
                "notice Ny: inntekt svarer ikke",
                "delivery Ga opp å varsle Oslo kommune (webhook): HTTP 410",
                "delivery Levert til Oslo kommune (webhook)",
                "notice Ny: Folkeregisteret treg",
                "notice Ny: Vedlikehold av Inntekt API",
                "notice Ny: Gammel feil",
                "maintenance_ends Vedlikehold slutter: Vedlikehold av Inntekt API",
            ])
        #expect(events.first { $0.kind == .delivery }?.deliveryID == rows[1].id)
        #expect(events.first { $0.kind == .incidentOpened }?.incidentID != nil)
        // A range with nothing in it.
        #expect(try await f.reader.timeline(from: t0.addingTimeInterval(-200_000), to: t0.addingTimeInterval(-190_000)).isEmpty)
    }
}
