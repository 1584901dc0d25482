import Curl
import Foundation
import NoticeStore
import Probes
import Testing
import TestSupport
import VarselApp
import VarselConfig
import VarselModel

/// Probe rounds against a real HTTP server on 127.0.0.1, through the daemon's own cycle: the
/// tracker opens and resolves incidents at their thresholds, alerts go through the outbox, an
/// announced maintenance window makes an outage expected, a failed reference target changes nothing.
@Suite struct ProbeCycleTests {
    static func subscribers(_ hook: String) -> String {
        """
        [[subscriber]]
        id = "bergen"
        kind = "municipality"
        name = "Bergen kommune"
        org_number = "964338531"
        municipality_number = "4601"
        services = ["boligsosial"]
        [subscriber.webhook]
        url = "\(hook)"
        secret = "s"
        """
    }

    static func target(_ url: String) -> ProbeTarget {
        ProbeTarget(
            api: "inntekt", environment: .production, url: url,
            settings: ProbeSettings(url: url, timeout: .seconds(3), failureThreshold: 2, successThreshold: 2))
    }

    @Test func outageOpensOneAlertedIncidentAndRecoveryResolvesIt() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let sandbox = try Sandbox(subscribers: Self.subscribers(server.url("/hook?id=bergen")))
        defer { sandbox.remove() }
        let cycle = sandbox.runtime.probes
        let down = [Self.target(server.url("/status?code=503"))]
        let up = [Self.target(server.url("/status?code=401"))]
        let t0 = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))

        let first = try await cycle.round(down, now: t0)
        #expect(first.events.isEmpty && first.round.results.first?.cause == .serverError)
        let second = try await cycle.round(down, now: t0.addingTimeInterval(60))
        #expect(second.changes.map(\.change) == [.new])
        _ = try await cycle.round(down, now: t0.addingTimeInterval(120))
        let open = try #require(try await sandbox.runtime.store.incidents(IncidentFilter(openOnly: true)).first)
        #expect(open.api == "inntekt" && open.cause == .serverError && open.alerted)
        #expect(open.firstFailureAt == t0 && open.openedAt == t0.addingTimeInterval(60))

        _ = try await cycle.round(up, now: t0.addingTimeInterval(180))
        let recovered = try await cycle.round(up, now: t0.addingTimeInterval(240))
        #expect(recovered.changes.map(\.change) == [.changed])
        let incident = try #require(try await sandbox.runtime.store.incidents().first)
        #expect(incident.resolvedAt == t0.addingTimeInterval(240))

        // Bergen uses Inntekt API through boligsosialt arbeid: told of the outage and its end, once each.
        let rows = try await sandbox.runtime.store.deliveries()
        #expect(rows.count == 2 && rows.allSatisfy { $0.planned.reason == "service:boligsosial" })
        let notice = try await sandbox.runtime.store.notice(try #require(incident.noticeID).rawValue)
        #expect(notice.notice.feedID == .probes && notice.versions.count == 2)
        #expect(notice.versions.first?.entry.title == "Inntekt API svarer ikke (produksjon)")
        #expect(notice.versions.last?.entry.title == "Inntekt API svarer igjen (produksjon)")
    }

    @Test func outageInsideAnnouncedMaintenanceIsRecordedButNotAlerted() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let sandbox = try Sandbox(subscribers: Self.subscribers(server.url("/hook?id=bergen")))
        defer { sandbox.remove() }
        let t0 = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        // Skatteetaten announced maintenance of Inntekt API for the next two hours.
        let entry = FeedEntry(id: "vedlikehold-1", title: "Planlagt vedlikehold Inntekt API", published: t0, contentText: "Vedlikehold")
        _ = try await sandbox.runtime.store.recordModified(
            ModifiedPoll(
                feed: FeedID("folkeregisteret"), url: "file:///feed.xml", title: nil, etag: nil, lastModified: nil,
                updates: [
                    NoticeUpdate(
                        noticeID: NoticeID(entry.id), change: .baseline, reason: .baseline, entry: entry,
                        fingerprint: Fingerprint(text: "t", body: "b", version: "v"), recordsVersion: true, status: .active,
                        missingPolls: 0)
                ],
                classifications: [
                    NoticeID(entry.id): Classification(
                        kind: .maintenance, apis: ["inntekt"], scope: .apis,
                        maintenanceWindow: MaintenanceWindow(start: t0.addingTimeInterval(-60), end: t0.addingTimeInterval(7200)))
                ],
                poll: PollRecord(feedID: FeedID("folkeregisteret"), startedAt: t0, duration: 0, outcome: .modified),
                nextPollAt: nil))
        let down = [Self.target(server.url("/status?code=503"))]
        _ = try await sandbox.runtime.probes.round(down, now: t0)
        _ = try await sandbox.runtime.probes.round(down, now: t0.addingTimeInterval(60))
        let incident = try #require(try await sandbox.runtime.store.incidents().first)
        #expect(!incident.alerted)
        if case .maintenance(let notice, _) = incident.expectation { #expect(notice == NoticeID("vedlikehold-1")) } else {
            Issue.record("expected maintenance, got \(String(describing: incident.expectation))")
        }
        #expect(try await sandbox.runtime.store.deliveries().isEmpty)
    }

    @Test func failedReferenceTargetLeavesIncidentsAlone() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let sandbox = try Sandbox(
            subscribers: Self.subscribers(server.url("/hook?id=bergen")),
            extraConfig: """
                [probes]
                reference_url = "\(server.url("/status?code=500"))"
                """)
        defer { sandbox.remove() }
        let down = [Self.target(server.url("/status?code=503"))]
        let t0 = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        for minute in 0..<4 {
            let report = try await sandbox.runtime.probes.round(down, now: t0.addingTimeInterval(Double(minute) * 60))
            #expect(!report.round.conclusive && report.events.isEmpty)
        }
        #expect(try await sandbox.runtime.store.incidents().isEmpty)
        #expect(try await sandbox.runtime.store.latestProbeResults().count == 1)
    }
}

/// Silences and correlation through the daemon's own cycle and poll.
@Suite struct ProbeSilenceAndCorrelationTests {
    @Test func silencedOutageIsRecordedButNotAlerted() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let sandbox = try Sandbox(subscribers: ProbeCycleTests.subscribers(server.url("/hook?id=bergen")))
        defer { sandbox.remove() }
        let t0 = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let silence = try await sandbox.runtime.store.addSilence(
            api: "inntekt", start: t0.addingTimeInterval(-60), end: t0.addingTimeInterval(3600), reason: "flytting av tjenesten", now: t0)
        let down = [ProbeCycleTests.target(server.url("/status?code=503"))]
        _ = try await sandbox.runtime.probes.round(down, now: t0)
        _ = try await sandbox.runtime.probes.round(down, now: t0.addingTimeInterval(60))
        let incident = try #require(try await sandbox.runtime.store.incidents().first)
        #expect(!incident.alerted && incident.expectation == .silence(id: silence.id, until: silence.end))
        #expect(try await sandbox.runtime.store.deliveries().isEmpty)
        // Still down when the silence ends: now it is alerted, once.
        _ = try await sandbox.runtime.probes.round(down, now: t0.addingTimeInterval(3660))
        _ = try await sandbox.runtime.probes.round(down, now: t0.addingTimeInterval(3720))
        #expect(try await sandbox.runtime.store.deliveries().count == 1)
        #expect(try await sandbox.runtime.store.incidents().first?.alerted == true)
    }

    @Test func noticeArrivingDuringAnIncidentIsLinkedToIt() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.serve(Fixtures.folkeregisteret("2026-07-03"))
        _ = try await sandbox.poll()
        // Folkeregisteret stops answering; the tracker opens an incident.
        let url = server.url("/status?code=500")
        let target = ProbeTarget(
            api: "folkeregisteret", environment: .production, url: url,
            settings: ProbeSettings(url: url, timeout: .seconds(3), failureThreshold: 1, successThreshold: 1))
        _ = try await sandbox.runtime.probes.round([target])
        // Skatteetaten's next build of the feed has a new notice (about Folkeregisteret).
        try sandbox.serve(Fixtures.folkeregisteret("2026-07-07-1158"))
        let report = try await sandbox.poll()
        let notice = try #require(report.alerting.first).noticeID
        let incident = try #require(try await sandbox.runtime.store.incidents().first)
        #expect(incident.linkedNotices == [notice])
        #expect(try await sandbox.runtime.store.incidents(IncidentFilter(notice: notice)).map(\.id) == [incident.id])
    }
}
