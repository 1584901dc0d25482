import Foundation
import History
import Hummingbird
import HummingbirdTesting
import NoticeStore
import TestSupport
import VarselConfig
import VarselModel

@testable import Web

/// Stands in for the security middleware (Security/, built in parallel): sets the user and the
/// CSRF token a page's forms must carry, as that middleware will.
struct TestIdentityMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let csrf = "test-csrf-token"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.identity = WebUser(name: "støtte", method: .session)
        context.csrfToken = Self.csrf
        return try await next(request, context)
    }
}

/// A throwaway installation filled through NoticeStore's public ingest, outbox and probe calls:
/// notices (one with hostile text and two versions), deliveries (sent, dead, pending), a probe
/// incident and a silence; and a router with the pages and the API on it.
struct WebFixture {
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14 23:13 Europe/Oslo
    static let hostileTitle = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> {{x}}"
    static let feed = FeedID("api")

    let directory: URL
    let store: NoticeStore
    let deps: WebDependencies
    var deadDeliveryID: Int64 = 0
    var sentDeliveryID: Int64 = 0

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.subscribers.write(to: directory.appendingPathComponent("subscribers.toml"), atomically: true, encoding: .utf8)
        let text = """
            [store]
            path = "state.sqlite"

            [catalog]
            path = "\(Fixtures.catalog.path)"

            [subscribers]
            path = "subscribers.toml"

            [delivery]
            templates = "\(Fixtures.root.appendingPathComponent("templates").path)"
            file_sink = "outbox"

            [[feeds]]
            name = "api"
            url = "file:///tmp/feed.xml"
            apis = ["folkeregisteret"]
            """
        let config = try ConfigLoader.load(text: text, file: "test.toml", baseDirectory: directory.path, environment: [:])
        store = try NoticeStore(path: directory.appendingPathComponent("state.sqlite").path)
        deps = WebDependencies(history: HistoryReader(store: store, config: config), store: store)
        try await fill()
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    static let subscribers = """
        [[subscriber]]
        id = "oslo"
        kind = "municipality"
        name = "Oslo kommune"
        org_number = "974760673"
        municipality_number = "0301"
        emails = ["drift@oslo.example"]
        apis = ["folkeregisteret"]
        [subscriber.webhook]
        url = "https://hooks.oslo.example/varsel/T0KEN-123?sig=abc"
        secret = "oslo-hemmelighet"

        [[subscriber]]
        id = "bergen"
        kind = "municipality"
        name = "Bergen kommune"
        org_number = "964338531"
        municipality_number = "4601"
        emails = ["drift@bergen.example"]
        apis = ["folkeregisteret"]
        """

    /// Routes every alerting change to Oslo by webhook and Bergen by e-mail.
    static let route: ChangeRouter = { change in
        guard change.change.isAlerting else { return RoutingOutcome(deliveries: [], note: "varsles ikke") }
        let plans = [("oslo", "Oslo kommune", DeliveryChannel.webhook), ("bergen", "Bergen kommune", .email)].map { id, name, channel in
            PlannedDelivery(
                changeID: change.id, noticeID: change.noticeID, subscriberID: SubscriberID(id), subscriberName: name,
                subscriberKind: .municipality, channel: channel, recipients: [channel == .webhook ? "https://hooks.oslo.example/varsel/T0KEN-123?sig=abc" : "\(id)@example.no"], reason: "api:folkeregisteret",
                idempotencyKey: "k-\(change.id)-\(id)")
        }
        return RoutingOutcome(deliveries: plans, note: "2 abonnenter: api:folkeregisteret")
    }

    static func update(
        _ id: String, _ change: ChangeType, title: String, text: String, published: Date, hash: String
    ) -> NoticeUpdate {
        let entry = FeedEntry(
            id: id, title: title, link: "https://example.no/\(id)", published: published, categories: ["Drift"], contentText: text)
        return NoticeUpdate(
            noticeID: NoticeID(id), change: change, reason: .new, entry: entry,
            fingerprint: Fingerprint(text: hash, body: hash, version: hash + "v"), recordsVersion: true, status: .active,
            missingPolls: 0)
    }

    static func poll(_ updates: [NoticeUpdate], at: Date, classifications: [NoticeID: Classification]) -> ModifiedPoll {
        ModifiedPoll(
            feed: feed, url: "file:///tmp/feed.xml", title: "Feed", etag: nil, lastModified: nil, updates: updates,
            classifications: classifications,
            poll: PollRecord(feedID: feed, startedAt: at, duration: 0.01, outcome: .modified, httpStatus: 200, entries: updates.count),
            nextPollAt: nil)
    }

    private mutating func fill() async throws {
        let t0 = Self.t0
        let incident = Classification(kind: .incident, apis: ["folkeregisteret"], scope: .apis)
        let maintenance = Classification(
            kind: .maintenance, apis: ["folkeregisteret"], scope: .apis,
            maintenanceWindow: MaintenanceWindow(start: t0.addingTimeInterval(600), end: t0.addingTimeInterval(4200)))
        // Five older notices, one a minute apart (for pagination), one of them maintenance.
        var older: [NoticeUpdate] = []
        var classifications: [NoticeID: Classification] = [:]
        for i in 1...5 {
            let id = "old\(i)"
            older.append(
                Self.update(
                    id, .new, title: i == 3 ? "=HYPERLINK(\"http://evil\") vedlikehold" : "Eldre varsel \(i)",
                    text: "Tekst \(i)", published: t0.addingTimeInterval(Double(-3600 + i * 60)), hash: "o\(i)"))
            classifications[NoticeID(id)] = i == 3 ? maintenance : incident
        }
        _ = try await store.recordModified(Self.poll(older, at: t0.addingTimeInterval(-60), classifications: classifications))
        // The hostile notice: new, then changed (a second version with other lines).
        let first = Self.update(
            "n1", .new, title: Self.hostileTitle, text: "Linje en\nFeil i <b>Folkeregisteret</b>\nLinje tre", published: t0,
            hash: "h1")
        _ = try await store.recordModified(
            Self.poll([first], at: t0, classifications: [NoticeID("n1"): incident]), route: Self.route)
        let second = Self.update(
            "n1", .changed, title: Self.hostileTitle, text: "Linje en\nFeilen er rettet\nLinje tre", published: t0, hash: "h2")
        _ = try await store.recordModified(
            Self.poll([second], at: t0.addingTimeInterval(300), classifications: [NoticeID("n1"): incident]), route: Self.route)

        // Deliveries: the first change's two sent/dead, the second's stay pending.
        let rows = try await store.deliveries(DeliveryFilter(notice: "n1")).sorted { $0.id < $1.id }
        sentDeliveryID = rows[0].id
        deadDeliveryID = rows[1].id
        try await store.recordAttempts([
            DeliveryAttempt(deliveryID: rows[0].id, at: t0.addingTimeInterval(5), outcome: .sent(detail: "HTTP 200")),
            DeliveryAttempt(
                deliveryID: rows[1].id, at: t0.addingTimeInterval(6), outcome: .dead(error: "550 5.1.1 <script>mailbox</script> unknown")),
        ])

        // A probe incident on folkeregisteret, opened and resolved.
        let probeEntry = FeedEntry(
            id: "probe-1", title: "Folkeregisteret svarer ikke", published: t0.addingTimeInterval(-7200), contentText: "Tidsavbrudd")
        func write(_ action: IncidentWrite.Action, at: Date) -> ProbeRoundWrite {
            ProbeRoundWrite(
                results: [], conclusive: true, states: [:],
                incidents: [
                    IncidentWrite(
                        api: "folkeregisteret", environment: .production, at: at, action: action, entry: probeEntry,
                        fingerprint: Fingerprint(text: "p", body: "p", version: "p"), classification: incident, alert: false)
                ])
        }
        _ = try await store.recordProbeRound(
            write(.open(firstFailureAt: t0.addingTimeInterval(-120), cause: .timeout, detail: "30 s", expectation: nil), at: t0),
            route: NoticeStore.routeNowhere)
        _ = try await store.recordProbeRound(write(.resolve, at: t0.addingTimeInterval(900)), route: NoticeStore.routeNowhere)

        _ = try await store.addSilence(
            api: "folkeregisteret", start: Date(), end: Date().addingTimeInterval(3600), reason: "Planlagt test <i>hos KS</i>")
    }

    /// The pages and the API on one router, behind the test identity.
    func application() -> some ApplicationProtocol {
        let router = Router(context: WebContext.self)
        router.add(middleware: TestIdentityMiddleware())
        WebRoutes.addPages(to: router, deps)
        WebRoutes.addAPI(to: router, deps)
        return Application(router: router)
    }
}

/// The path of a notice page, as the pages link to it.
func noticePath(_ id: String) -> String { RecordViews.noticePath(NoticeID(id)) }
