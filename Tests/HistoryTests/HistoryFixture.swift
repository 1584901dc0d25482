import Foundation
import History
import NoticeStore
import VarselConfig
import VarselModel

let t0 = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28
let skatteetaten = FeedID("skatteetaten")

/// A throwaway installation on a real SQLite file: a config naming one feed and two webhook
/// subscribers, the store, and the reader over both. Notices go in through the store's own
/// ingest (`recordModified`), as a poll writes them.
struct HistoryFixture {
    let directory: URL
    let store: NoticeStore
    let config: VarselvaktConfig
    var reader: HistoryReader { HistoryReader(store: store, config: config) }
    var actions: OperatorActions { OperatorActions(store: store) }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let subscribers = """
            [[subscriber]]
            id = "oslo"
            kind = "vendor"
            name = "Oslo kommune"
            org_number = "912345688"
            apis = ["folkeregisteret"]
            [subscriber.webhook]
            url = "http://127.0.0.1:9/oslo"
            secret = "a"

            [[subscriber]]
            id = "bergen"
            kind = "vendor"
            name = "Bergen kommune"
            org_number = "974760673"
            apis = ["inntekt"]
            [subscriber.webhook]
            url = "http://127.0.0.1:9/bergen"
            secret = "b"
            """
        try subscribers.write(to: directory.appendingPathComponent("subscribers.toml"), atomically: true, encoding: .utf8)
        let text = """
            [store]
            path = "state.sqlite"

            [subscribers]
            path = "subscribers.toml"

            [[feeds]]
            name = "skatteetaten"
            url = "file://\(directory.path)/feed.xml"
            """
        config = try ConfigLoader.load(text: text, file: "test.toml", baseDirectory: directory.path)
        store = try NoticeStore(path: config.store.path)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Stores `notices` as one poll at `at` (new ones, unless `change` says otherwise), routing
    /// alerting changes to `subscribers` by webhook.
    @discardableResult
    func add(_ notices: [TestNotice], at: Date, change: ChangeType = .new, subscribers: [String] = [])
        async throws -> [ChangeRecord]
    {
        var classifications: [NoticeID: Classification] = [:]
        let updates = notices.map { n in
            classifications[NoticeID(n.id)] = n.classification
            return NoticeUpdate(
                noticeID: NoticeID(n.id), change: change, reason: .new, entry: n.entry,
                fingerprint: Fingerprint(text: n.title + n.text, body: n.text, version: n.title + n.text + "v"),
                recordsVersion: true, status: .active, missingPolls: 0)
        }
        let poll = ModifiedPoll(
            feed: skatteetaten, url: "file:///feed.xml", title: "Skatteetaten driftsmeldinger", etag: nil, lastModified: nil,
            updates: updates, classifications: classifications,
            poll: PollRecord(feedID: skatteetaten, startedAt: at, duration: 0.01, outcome: .modified, entries: notices.count),
            nextPollAt: nil)
        return try await store.recordModified(poll, route: routeTo(subscribers))
    }
}

/// A notice as a test writes it: only what the filters look at.
struct TestNotice {
    var id: String
    var title: String
    var text: String = ""
    var published: Date?
    var kind: NoticeKind = .incident
    var apis: [String] = []
    var environment: NoticeEnvironment = .production
    var windows: [MaintenanceWindow] = []

    var entry: FeedEntry { FeedEntry(id: id, title: title, published: published, contentText: text) }
    var classification: Classification {
        Classification(
            kind: kind, apis: apis, scope: apis.isEmpty ? .unknown : .apis, maintenanceWindow: windows.first,
            environment: environment, maintenanceWindows: windows.isEmpty ? nil : windows)
    }
}

/// A router that sends every alerting change to `subscribers` by webhook, as `Routing` would.
func routeTo(_ subscribers: [String]) -> ChangeRouter {
    { change in
        guard change.change.isAlerting, !subscribers.isEmpty else { return RoutingOutcome(deliveries: [], note: "varsles ikke") }
        let deliveries = subscribers.map { subscriber in
            PlannedDelivery(
                changeID: change.id, noticeID: change.noticeID, subscriberID: SubscriberID(subscriber),
                subscriberName: "\(subscriber.capitalized) kommune", subscriberKind: .municipality, channel: .webhook,
                recipients: ["http://127.0.0.1:9/\(subscriber)"], reason: "all",
                idempotencyKey: "k-\(change.id)-\(subscriber)")
        }
        return RoutingOutcome(deliveries: deliveries, note: "\(subscribers.count) abonnenter")
    }
}

extension HistoryReader {
    /// Every notice `query` matches, page by page.
    func allNotices(_ query: NoticeQuery) async throws -> [NoticeRecord] {
        var query = query
        var all: [NoticeRecord] = []
        while true {
            let page = try await notices(query)
            all += page.items
            guard let next = page.next else { return all }
            query.before = next
        }
    }

    func noticeIDs(_ query: NoticeQuery) async throws -> [String] {
        try await allNotices(query).map(\.id.rawValue)
    }
}
