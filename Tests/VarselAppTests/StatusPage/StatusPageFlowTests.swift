import Curl
import Foundation
import NoticeStore
import Testing
import TestSupport
import VarselApp
import VarselModel

/// A Norwegian status page served from 127.0.0.1 that changes between polls, read by the real
/// poll cycle: the exact changes, kinds, windows and severities, and who is told what, once.
@Suite struct StatusPageFlowTests {
    typealias Page = NorwegianStatusPage

    static let subscribers = """
        [[subscriber]]
        id = "oslo"
        kind = "municipality"
        name = "Oslo kommune"
        org_number = "974760673"
        municipality_number = "0301"
        emails = ["drift@oslo.example"]
        apis = ["summertskattegrunnlag"]

        [[subscriber]]
        id = "bergen"
        kind = "municipality"
        name = "Bergen kommune"
        org_number = "964338531"
        municipality_number = "4601"
        emails = ["drift@bergen.example"]
        apis = ["inntekt", "folkeregisteret"]
        min_severity = "critical"

        [[subscriber]]
        id = "ks"
        kind = "ks"
        name = "KS brukerstøtte"
        org_number = "971032146"
        emails = ["brukerstotte@ks.example"]
        all = true
        """

    /// The site, the sandbox polling it as `format = "statuspage"`, and a clock the test moves.
    struct World {
        let site: LocalSiteServer
        let sandbox: Sandbox
        var now: Date

        /// The outbox worker never runs here: deliveries are read from the outbox, so the relay
        /// is named but never contacted.
        init(
            subscribers: String = StatusPageFlowTests.subscribers,
            extraConfig: String = "[email]\nurl = \"smtp://127.0.0.1:9\"\nsecurity = \"none\"\nfrom = \"varselvakt@ks.example\""
        ) throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-site-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            site = try LocalSiteServer(root: root)
            sandbox = try Sandbox(
                url: site.url(), extraFeedKeys: "format = \"statuspage\"", subscribers: subscribers,
                extraConfig: extraConfig, feedAPIs: [])
            now = Date()
        }

        mutating func poll(_ page: Page, after seconds: TimeInterval = 60) async throws -> FeedPollReport {
            try page.write(to: site)
            now = now.addingTimeInterval(seconds)
            return try await sandbox.runtime.cycle.poll(sandbox.feed, now: now)
        }

        func deliveries(change: ChangeRecord) async throws -> [String] {
            try await sandbox.runtime.store.deliveries().filter { $0.planned.changeID == change.id }
                .map(\.planned.subscriberID.rawValue).sorted()
        }

        func stop() {
            site.stop()
            sandbox.remove()
        }
    }

    @Test func incidentUpdatesBecomeThreadedChangesAndMaintenancesKeepTheirWindows() async throws {
        var world = try World()
        defer { world.stop() }
        let t0 = world.now
        var page = Page()
        let old = Page.Incident(
            id: "inc0old00001", name: "Treghet i Inntekt API", status: "resolved", impact: "minor",
            created: t0.addingTimeInterval(-7 * 86_400),
            updates: [Page.Update(id: "u-old-1", status: "resolved", body: "Løst.", at: t0.addingTimeInterval(-7 * 86_400))],
            components: [Page.inntekt])
        page.incidents = [old]
        let baseline = try await world.poll(page)
        #expect(baseline.isBaseline && baseline.counts == [.baseline: 1])

        // An incident on Summert skattegrunnlag API, two maintenances, an incident on a component
        // no catalog entry knows.
        let started = world.now.addingTimeInterval(30)
        var incident = Page.Incident(
            id: "inc0summert1", name: "Feil ved oppslag i Summert skattegrunnlag API", status: "investigating",
            impact: "major", created: started,
            updates: [
                Page.Update(
                    id: "u-s-1", status: "investigating", body: "Vi undersøker feil ved oppslag.", at: started,
                    components: [Page.summert])
            ], components: [Page.summert])
        let windowStart = Calendar.current.startOfDay(for: t0).addingTimeInterval(2 * 86_400 + 17 * 3600)
        var inntektMaintenance = Page.Incident(
            id: "mnt0inntekt1", name: "Vedlikehold av Inntekt API", status: "scheduled", impact: "maintenance",
            created: started,
            updates: [Page.Update(id: "u-m-1", status: "scheduled", body: "Inntekt API er utilgjengelig.", at: started)],
            components: [Page.inntekt], scheduledFor: windowStart, scheduledUntil: windowStart.addingTimeInterval(4 * 3600))
        let fregMaintenance = Page.Incident(
            id: "mnt0freg0001", name: "Vedlikehold av Folkeregisteret", status: "scheduled", impact: "maintenance",
            created: started,
            updates: [Page.Update(id: "u-f-1", status: "scheduled", body: "Folkeregisteret tas ned.", at: started)],
            components: [Page.folkeregisteret], scheduledFor: windowStart.addingTimeInterval(86_400),
            scheduledUntil: windowStart.addingTimeInterval(86_400 + 3600))
        let unknown = Page.Incident(
            id: "inc0ukjent01", name: "Forsinkelser", status: "identified", impact: "minor", created: started,
            updates: [Page.Update(id: "u-x-1", status: "identified", body: "Forsinket.", at: started)],
            components: [Page.unknown])
        page.incidents = [incident, unknown, old]
        page.maintenances = [inntektMaintenance, fregMaintenance]
        let second = try await world.poll(page)
        #expect(second.counts == [.new: 4])
        let byTitle = Dictionary(uniqueKeysWithValues: second.changes.map { ($0.title, $0) })
        let first = try #require(byTitle[incident.name])
        #expect(first.kind == .incident && first.severity == .major && first.apis == ["summertskattegrunnlag"])
        #expect(try await world.deliveries(change: first) == ["ks", "oslo"])
        let inntekt = try #require(byTitle[inntektMaintenance.name])
        #expect(inntekt.kind == .maintenance && inntekt.apis == ["inntekt"] && inntekt.severity == nil)
        // Bergen wants only critical, but maintenance carries no severity, so it passes.
        #expect(try await world.deliveries(change: inntekt) == ["bergen", "ks"])
        let stored = try await world.sandbox.runtime.store.notice(inntektMaintenance.id).notice
        #expect(stored.classification.maintenanceWindow == MaintenanceWindow(start: windowStart, end: windowStart.addingTimeInterval(4 * 3600)))
        let unrecognised = try #require(byTitle[unknown.name])
        #expect(unrecognised.scope == .unknown)
        #expect(try await world.deliveries(change: unrecognised) == ["ks"])
        let unknownNotice = try await world.sandbox.runtime.store.notice(unknown.id).notice
        #expect(unknownNotice.classification.unmappedComponents == ["Skattekort API"])

        // The incident is identified, with an update back-dated between the two; the Inntekt
        // maintenance starts. Nothing else changes.
        incident.status = "identified"
        incident.updates += [
            Page.Update(
                id: "u-s-3", status: "identified", body: "Årsaken er funnet.", at: started.addingTimeInterval(600)),
            Page.Update(
                id: "u-s-2", status: "investigating", body: "Gjelder oppslag for 2025.", at: started.addingTimeInterval(700),
                displayAt: started.addingTimeInterval(300)),
        ]
        inntektMaintenance.status = "in_progress"
        inntektMaintenance.updates.append(
            Page.Update(id: "u-m-2", status: "in_progress", body: "Vedlikeholdet er i gang.", at: windowStart))
        page.incidents = [incident, unknown, old]
        page.maintenances = [inntektMaintenance, fregMaintenance]
        let third = try await world.poll(page)
        #expect(third.counts == [.changed: 2])
        let identified = try #require(third.changes.first { $0.noticeID.rawValue == incident.id })
        #expect(identified.kind == .incident && identified.previousVersionSeq == 1)
        #expect(try await world.deliveries(change: identified) == ["ks", "oslo"])
        let text = try await world.sandbox.runtime.store.notice(incident.id).notice.entry.contentText
        // Newest first by display time: identified, then the back-dated update, then the first.
        let order = ["Årsaken er funnet.", "Gjelder oppslag for 2025.", "Vi undersøker feil ved oppslag."].map {
            text.range(of: $0)?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!)
        let inProgress = try #require(third.changes.first { $0.noticeID.rawValue == inntektMaintenance.id })
        #expect(inProgress.kind == .maintenance)

        // Resolved; the maintenance completes; the Folkeregisteret maintenance is taken down
        // before its window: after `withdraw_after_polls` (2) polls that is a cancellation.
        incident.status = "resolved"
        incident.updates.append(
            Page.Update(id: "u-s-4", status: "resolved", body: "Feilen er rettet.", at: started.addingTimeInterval(1800)))
        inntektMaintenance.status = "completed"
        inntektMaintenance.updates.append(
            Page.Update(id: "u-m-3", status: "completed", body: "Ferdig.", at: windowStart.addingTimeInterval(3600)))
        page.incidents = [incident, unknown, old]
        page.maintenances = [inntektMaintenance]
        let fourth = try await world.poll(page)
        #expect(fourth.counts == [.changed: 2])
        #expect(fourth.changes.first { $0.noticeID.rawValue == incident.id }?.kind == .resolved)
        #expect(fourth.changes.first { $0.noticeID.rawValue == inntektMaintenance.id }?.kind == .resolved)
        let fifth = try await world.poll(page)
        let cancelled = try #require(fifth.changes.first)
        #expect(fifth.counts == [.withdrawn: 1])
        #expect(cancelled.noticeID.rawValue == fregMaintenance.id && cancelled.kind == .cancelled)
        #expect(try await world.deliveries(change: cancelled) == ["bergen", "ks"])

        // Oslo was told three times about one incident, each once.
        let oslo = try await world.sandbox.runtime.store.deliveries().filter { $0.planned.subscriberID.rawValue == "oslo" }
        #expect(oslo.count == 3 && Set(oslo.map(\.planned.idempotencyKey)).count == 3)
    }

    /// A page with one open incident on Summert skattegrunnlag API.
    static func oneIncident(at now: Date) -> Page {
        var page = Page()
        page.incidents = [
            Page.Incident(
                id: "inc0a", name: "Feil", status: "investigating", impact: "minor", created: now,
                updates: [Page.Update(id: "u1", status: "investigating", body: "Ser på det.", at: now)],
                components: [Page.summert])
        ]
        return page
    }

    @Test func unchangedPageIsAConditionalGETOfBothDocumentsAndWritesNothing() async throws {
        var world = try World()
        defer { world.stop() }
        var page = Self.oneIncident(at: world.now)
        _ = try await world.poll(page)
        let client = CurlClient()
        defer { client.shutdown() }
        let report = try await world.poll(page)
        #expect(report.outcome == .notModified && report.changes.isEmpty)
        let log = try await world.site.requests(client: client)
        let second = log.suffix(2)
        #expect(Set(second.map(\.path)) == ["/api/v2/incidents.json", "/api/v2/scheduled-maintenances.json"])
        #expect(second.allSatisfy { $0.status == 304 && $0.ifNoneMatch != nil })

        // Only the maintenances change: the incidents' stored body stands in, nothing is withdrawn.
        page.maintenances = [
            Page.Incident(
                id: "mnt0b", name: "Vedlikehold", status: "scheduled", impact: "maintenance", created: world.now,
                updates: [Page.Update(id: "u2", status: "scheduled", body: "Planlagt.", at: world.now)],
                components: [Page.inntekt], scheduledFor: world.now.addingTimeInterval(86_400),
                scheduledUntil: world.now.addingTimeInterval(90_000))
        ]
        for _ in 0..<3 {
            let partial = try await world.poll(page)
            #expect(partial.summary.withdrawn == 0)
        }
        let notices = try await world.sandbox.runtime.store.notices()
        #expect(notices.filter { $0.status == .active }.count == 2)
    }

    @Test func maskinportenIncidentReachesSubscribersOfEveryAPIThatNeedsATokenWithTheReason() async throws {
        var world = try World()
        defer { world.stop() }
        _ = try await world.poll(Page())
        var page = Page()
        page.incidents = [
            Page.Incident(
                id: "inc0mp", name: "Problemer med token-utstedelse", status: "investigating", impact: "critical",
                created: world.now,
                updates: [Page.Update(id: "u1", status: "investigating", body: "Undersøker.", at: world.now)],
                components: [Page.maskinporten])
        ]
        let report = try await world.poll(page)
        let change = try #require(report.changes.first)
        #expect(change.apis == ["maskinporten"] && change.severity == .critical)
        let rows = try await world.sandbox.runtime.store.deliveries().filter { $0.planned.changeID == change.id }
        // KS follows everything; Oslo (Summert skattegrunnlag) and Bergen (Inntekt) need a
        // Maskinporten token for their APIs, and that is why they are told.
        #expect(Set(rows.map(\.planned.subscriberID.rawValue)) == ["oslo", "bergen", "ks"])
        #expect(rows.filter { $0.planned.subscriberKind == .municipality }.allSatisfy { $0.planned.reason.hasPrefix("platform:maskinporten") })
        let note = try await world.sandbox.runtime.store.routingNote(change: change.id)
        #expect(note?.contains("Maskinporten") == true)
    }

    @Test func errorPageInsteadOfJSONFailsThePollNamingTheDocumentAndKeepsTheNotices() async throws {
        var world = try World()
        defer { world.stop() }
        let page = Self.oneIncident(at: world.now)
        _ = try await world.poll(page)
        try world.site.write("<html><body>502 Bad Gateway</body></html>", at: "api/v2/incidents.json")
        world.now = world.now.addingTimeInterval(60)
        let report = try await world.sandbox.runtime.cycle.poll(world.sandbox.feed, now: world.now)
        #expect(report.outcome == .failed)
        #expect(report.error?.contains("/api/v2/incidents.json") == true)
        #expect(report.error?.contains("HTML") == true)
        #expect(try await world.sandbox.runtime.store.notices().filter { $0.status == .active }.count == 1)
    }
}

extension StatusPageFlowTests {
    /// incidents.json lists only the 50 newest incidents. One falling off a full list has left
    /// the window (expired, never alerted), even though the maintenances list reaches further
    /// back; and an old announcement of a maintenance still ahead is kept, not dropped.
    @Test func incidentFallingOffAFullListExpiresWhileOldMaintenancesStay() async throws {
        var world = try World()
        defer { world.stop() }
        let t0 = world.now
        func incident(_ n: Int, created: Date) -> Page.Incident {
            Page.Incident(
                id: "inc\(n)", name: "Feil \(n)", status: "resolved", impact: "minor", created: created,
                updates: [Page.Update(id: "u\(n)", status: "resolved", body: "Løst \(n).", at: created)],
                components: [Page.summert])
        }
        var page = Page()
        page.incidents = (1...50).map { incident($0, created: t0.addingTimeInterval(-Double($0) * 86_400)) }
        // Announced 200 days ago, scheduled 10 days ahead: older than every incident listed.
        let ahead = t0.addingTimeInterval(10 * 86_400)
        page.maintenances = [
            Page.Incident(
                id: "mnt0old", name: "Stor oppgradering", status: "scheduled", impact: "maintenance",
                created: t0.addingTimeInterval(-200 * 86_400),
                updates: [Page.Update(id: "um", status: "scheduled", body: "Planlagt.", at: t0.addingTimeInterval(-200 * 86_400))],
                components: [Page.inntekt], scheduledFor: ahead, scheduledUntil: ahead.addingTimeInterval(3600))
        ]
        let baseline = try await world.poll(page)
        #expect(baseline.counts == [.baseline: 51])

        // A new incident on top; the 50th (oldest) falls off the full list.
        page.incidents = [incident(0, created: world.now)] + page.incidents.dropLast()
        let next = try await world.poll(page)
        let after = try await world.poll(page)
        let changes = next.changes + after.changes
        #expect(changes.filter { $0.change == .new }.map(\.noticeID.rawValue) == ["inc0"])
        #expect(changes.filter { $0.change == .expired }.map(\.noticeID.rawValue) == ["inc50"])
        #expect(!changes.contains { $0.change == .withdrawn })
        let maintenance = try await world.sandbox.runtime.store.notice("mnt0old").notice
        #expect(maintenance.status == .active)
    }
}
