import Classify
import FeedParse
import Foundation
import Routing
import TestSupport
import VarselConfig
import VarselModel

/// The real catalog, config/catalog.toml, loaded the way the daemon loads it.
let realCatalog: Catalog = {
    do { return try ConfigLoader.loadCatalog(path: Fixtures.catalog.path) } catch {
        fatalError("config/catalog.toml does not load: \(error)")
    }
}()

/// A realistic set of subscribers: KS support, municipalities with different subscriptions and a
/// vendor acting for two of them. Ids sort: 0301-oslo < 3301-drammen < 4601-bergen < 5001-trondheim
/// < ks-support < vendor-acme.
enum Subscribers {
    static let ks = Subscriber(
        id: SubscriberID("ks-support"), kind: .ks, name: "KS support", orgNumber: "971032146", emails: ["support@ks.example"],
        subscription: Subscription(everything: true))
    static let oslo = Subscriber(
        id: SubscriberID("0301-oslo"), kind: .municipality, name: "Oslo kommune", orgNumber: "974760673",
        municipalityNumber: "0301", emails: ["drift@oslo.example", "it@oslo.example"],
        webhook: WebhookTarget(url: "https://hooks.oslo.example/varsel", secret: Secret("oslo-secret")),
        subscription: Subscription(services: ["foreldrebetaling"]))
    static let bergen = Subscriber(
        id: SubscriberID("4601-bergen"), kind: .municipality, name: "Bergen kommune", orgNumber: "964338531",
        municipalityNumber: "4601", emails: ["drift@bergen.example"],
        subscription: Subscription(services: ["boligsosial"], kinds: [.incident, .maintenance]))
    static let vendor = Subscriber(
        id: SubscriberID("vendor-acme"), kind: .vendor, name: "Acme Kommunesystemer AS", orgNumber: "912345678",
        emails: ["vakt@acme.example"], webhook: WebhookTarget(url: "https://acme.example/hooks/varsel", secret: Secret("acme")),
        subscription: Subscription(), actsFor: ["4601", "0301"])
    static let trondheim = Subscriber(
        id: SubscriberID("5001-trondheim"), kind: .municipality, name: "Trondheim kommune", orgNumber: "942110464",
        municipalityNumber: "5001", emails: ["drift@trondheim.example"], subscription: Subscription(apis: ["folkeregisteret"]))
    static let drammen = Subscriber(
        id: SubscriberID("3301-drammen"), kind: .municipality, name: "Drammen kommune", orgNumber: "921234554",
        municipalityNumber: "3301", emails: ["drift@drammen.example"], subscription: Subscription(apis: ["restanser"]))

    static let all = [vendor, trondheim, ks, bergen, drammen, oslo]
}

/// A change as the poll cycle records it, from a classification.
func change(
    id: Int64 = 1, _ type: ChangeType = .new, title: String = "Testvarsel", kind: NoticeKind, apis: [String],
    scope: NoticeScope? = nil, severity: Severity? = nil, environment: NoticeEnvironment = .production
) -> ChangeRecord {
    ChangeRecord(
        id: id, noticeID: NoticeID("notice-\(id)"), feedID: FeedID("api"), change: type,
        at: Date(timeIntervalSince1970: 1_700_000_000), title: title, kind: kind, apis: apis,
        scope: scope ?? (apis.isEmpty ? .unknown : .apis), versionSeq: 1, previousVersionSeq: nil, severity: severity,
        environment: environment)
}

/// Notices from the real feed snapshots, parsed by FeedParse and classified by Classify exactly
/// as the poll cycle does, turned into "new" changes.
enum RealNotices {
    static let classifier = Classifier(catalog: realCatalog, lexicon: ConfigLoader.builtInLexicon)

    /// The entry of `feed` whose title starts with `title` (the first one, in document order).
    static func change(
        _ title: String, feed: URL = Fixtures.atom, feedAPIs: [String] = [], id: Int64 = 1
    ) throws -> (ChangeRecord, Classification) {
        let parsed = try FeedParser().parse([UInt8](try Data(contentsOf: feed)), source: feed.path)
        guard let entry = parsed.entries.first(where: { $0.title.hasPrefix(title) }) else {
            throw MissingFixtureEntry(title: title, feed: feed.lastPathComponent)
        }
        let classification = classifier.classify(
            ClassificationInput(
                title: entry.title, summaryText: entry.summaryText, contentText: entry.contentText,
                categories: entry.categories, published: entry.published ?? entry.updated, feedAPIs: feedAPIs))
        let record = ChangeRecord(
            id: id, noticeID: NoticeID(entry.id), feedID: FeedID(feed.lastPathComponent), change: .new,
            at: entry.published ?? entry.updated ?? Date(timeIntervalSince1970: 0), title: entry.title,
            kind: classification.kind, apis: classification.apis, scope: classification.scope, versionSeq: 1,
            previousVersionSeq: nil, environment: classification.environment)
        return (record, classification)
    }

    struct MissingFixtureEntry: Error, CustomStringConvertible {
        var title: String
        var feed: String
        var description: String { "no entry titled \"\(title)…\" in \(feed)" }
    }
}

extension RoutingOutcome {
    /// "subscriber reason" per subscriber (channels folded), in delivery order.
    var reasons: [String] {
        var seen: [String] = []
        for delivery in deliveries {
            let line = "\(delivery.subscriberID) \(delivery.reason)"
            if seen.last != line { seen.append(line) }
        }
        return seen
    }
}
