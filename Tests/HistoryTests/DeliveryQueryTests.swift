import Foundation
import History
import NoticeStore
import Testing
import VarselModel

@Suite struct DeliveryQueryTests {
    /// Two notices, each told to oslo and bergen by webhook (four rows); a is sent to oslo, dead for bergen.
    func filled() async throws -> (HistoryFixture, [DeliveryRecord]) {
        let f = try HistoryFixture()
        try await f.add([TestNotice(id: "a", title: "Feil A", published: t0)], at: t0, subscribers: ["oslo", "bergen"])
        try await f.add(
            [TestNotice(id: "b", title: "Feil B", published: t0.addingTimeInterval(600))], at: t0.addingTimeInterval(600),
            subscribers: ["oslo", "bergen"])
        let rows = try await f.store.dueDeliveries(now: t0.addingTimeInterval(600))
        try await f.store.recordAttempts([
            DeliveryAttempt(deliveryID: rows[0].id, at: t0.addingTimeInterval(5), outcome: .sent(detail: "HTTP 200")),
            DeliveryAttempt(deliveryID: rows[1].id, at: t0.addingTimeInterval(5), outcome: .dead(error: "HTTP 410")),
        ])
        return (f, rows)
    }

    @Test func eachFilterNarrowsTheDeliveries() async throws {
        let (f, rows) = try await filled()
        defer { f.remove() }
        let r = f.reader
        #expect(try await r.deliveries(DeliveryQuery()).items.map(\.id) == rows.map(\.id).reversed())
        #expect(try await r.deliveries(DeliveryQuery(notice: "a")).items.allSatisfy { $0.planned.noticeID == NoticeID("a") })
        #expect(try await r.deliveries(DeliveryQuery(status: .dead)).items.map(\.id) == [rows[1].id])
        #expect(try await r.deliveries(DeliveryQuery(subscriber: SubscriberID("oslo"))).items.count == 2)
        #expect(try await r.deliveries(DeliveryQuery(channel: .email)).items.isEmpty)
        #expect(try await r.deliveries(DeliveryQuery(from: t0.addingTimeInterval(600))).items.count == 2)
        #expect(try await r.deliveries(DeliveryQuery(to: t0.addingTimeInterval(600))).items.count == 2)
        await #expect(throws: StoreError.self) { try await r.deliveries(DeliveryQuery(notice: "nope")) }
    }

    @Test func deliveryPagesWalkEveryRowOnce() async throws {
        let (f, rows) = try await filled()
        defer { f.remove() }
        var query = DeliveryQuery(limit: 3)
        var seen: [Int64] = []
        repeat {
            let page = try await f.reader.deliveries(query)
            seen += page.items.map(\.id)
            query.before = page.next
            try await f.add([TestNotice(id: "c\(seen.count)", title: "Ny", published: t0)], at: t0, subscribers: ["oslo"])
        } while query.before != nil
        #expect(seen == rows.map(\.id).reversed())
        await #expect(throws: StoreError.self) { try await f.reader.deliveries(DeliveryQuery(before: "garbage")) }
    }

    @Test func subscribersShowTheirNewestDelivery() async throws {
        let (f, _) = try await filled()
        defer { f.remove() }
        let summaries = try await f.reader.subscribers()
        #expect(summaries.map(\.subscriber.id.rawValue) == ["oslo", "bergen"])
        #expect(summaries.allSatisfy { $0.lastDelivery?.planned.noticeID == NoticeID("b") })
        #expect(summaries[0].lastDelivery?.planned.subscriberID == SubscriberID("oslo"))
        #expect(summaries[1].lastDelivery?.planned.subscriberID == SubscriberID("bergen"))
    }

    @Test func incidentsFilterByOpenAPIAndTimeWithCursors() async throws {
        let f = try HistoryFixture()
        defer { f.remove() }
        try await openIncident(f.store, api: "inntekt", at: t0)
        try await resolveIncident(f.store, api: "inntekt", openedAt: t0, at: t0.addingTimeInterval(600))
        try await openIncident(f.store, api: "folkeregisteret", at: t0.addingTimeInterval(3600))
        try await openIncident(f.store, api: "inntekt", at: t0.addingTimeInterval(7200))
        let r = f.reader
        let all = try await r.incidents(IncidentQuery()).items
        #expect(all.map(\.openedAt) == [t0.addingTimeInterval(7200), t0.addingTimeInterval(3600), t0])
        #expect(try await r.incidents(IncidentQuery(openOnly: true)).items.count == 2)
        #expect(try await r.incidents(IncidentQuery(api: "inntekt")).items.count == 2)
        // Open at some time in the range: the one resolved before `from` is out.
        #expect(try await r.incidents(IncidentQuery(from: t0.addingTimeInterval(1200))).items.count == 2)
        #expect(try await r.incidents(IncidentQuery(to: t0.addingTimeInterval(3600))).items.map(\.openedAt) == [t0])
        let first = try await r.incidents(IncidentQuery(limit: 2))
        let second = try await r.incidents(IncidentQuery(before: first.next, limit: 2))
        #expect(first.items.count == 2 && second.items.map(\.openedAt) == [t0] && second.next == nil)
        await #expect(throws: StoreError.self) { try await r.incidents(IncidentQuery(before: "x")) }
    }
}

func openIncident(_ store: NoticeStore, api: String, at: Date, environment: ProbeEnvironment = .production) async throws {
    let result = ProbeResult(
        api: api, environment: environment, url: "https://\(api).example/", at: at, up: false, status: 503,
        cause: .serverError, detail: "HTTP 503", timings: ProbeTimings(dns: 0, connect: 0, tls: 0, firstByte: 0, total: 0.1))
    _ = try await store.recordProbeRound(
        ProbeRoundWrite(
            results: [result], conclusive: true, states: [:],
            incidents: [
                IncidentWrite(
                    api: api, environment: environment, at: at,
                    action: .open(firstFailureAt: at, cause: .serverError, detail: "HTTP 503", expectation: nil),
                    entry: FeedEntry(
                        id: "probe:\(api):\(Int(at.timeIntervalSince1970))", title: "\(api) svarer ikke", published: at),
                    fingerprint: Fingerprint(text: "o\(at)", body: "b", version: "v\(at)"),
                    classification: Classification(kind: .incident, apis: [api], scope: .apis), alert: false, note: "test")
            ]),
        route: routeTo([]))
}

func resolveIncident(_ store: NoticeStore, api: String, openedAt: Date, at: Date) async throws {
    let result = ProbeResult(
        api: api, environment: .production, url: "https://\(api).example/", at: at, up: true, status: 401, cause: nil,
        detail: "HTTP 401", timings: ProbeTimings(dns: 0, connect: 0, tls: 0, firstByte: 0, total: 0.1))
    _ = try await store.recordProbeRound(
        ProbeRoundWrite(
            results: [result], conclusive: true, states: [:],
            incidents: [
                IncidentWrite(
                    api: api, environment: .production, at: at, action: .resolve,
                    entry: FeedEntry(
                        id: "probe:\(api):\(Int(openedAt.timeIntervalSince1970))", title: "\(api) svarer igjen", published: at),
                    fingerprint: Fingerprint(text: "r\(at)", body: "b", version: "rv\(at)"),
                    classification: Classification(kind: .resolved, apis: [api], scope: .apis), alert: false, note: "test")
            ]),
        route: routeTo([]))
}
