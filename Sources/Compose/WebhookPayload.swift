import Foundation
import VarselModel

/// The webhook body, schema "varselvakt.alert/v1" (docs/webhooks.md). Field names are the
/// contract: add fields freely, never rename or remove one without a new schema version.
/// Nothing in it depends on when it is sent, so every attempt of a delivery posts the same bytes.
struct WebhookPayload: Encodable {
    static let schemaName = "varselvakt.alert/v1"

    struct Subscriber: Encodable {
        var id: String
        var name: String
        var kind: String
    }

    struct Change: Encodable {
        var id: Int64
        var type: String
        var at: Date
    }

    struct Window: Encodable {
        var start: Date
        var end: Date?
    }

    struct Notice: Encodable {
        var id: String
        var feed: String
        var title: String
        var link: String?
        var kind: String
        var apis: [String]
        var scope: String
        var status: String
        var published: Date?
        var cancelsNoticeID: String?
        var cancelsTitle: String?
        var maintenanceWindow: Window?
        /// Every window the notice announces, the first being `maintenance_window`.
        var maintenanceWindows: [Window]
        var unparsedWindow: String?
        /// A status page's impact (none, minor, major, critical); absent for feed notices.
        var severity: String?
        /// The status page's word for its newest update (investigating, identified, ...).
        var sourceStatus: String?
        /// Status-page components the notice concerns, as the page names them.
        var components: [String]?

        enum CodingKeys: String, CodingKey {
            case id, feed, title, link, kind, apis, scope, status, published, severity, components
            case sourceStatus = "source_status"
            case cancelsNoticeID = "cancels_notice_id"
            case cancelsTitle = "cancels_title"
            case maintenanceWindow = "maintenance_window"
            case maintenanceWindows = "maintenance_windows"
            case unparsedWindow = "unparsed_window"
        }
    }

    struct Version: Encodable {
        var seq: Int
        var title: String
        var text: String
        var html: String?

        init(_ version: NoticeVersion) {
            seq = version.seq
            title = version.entry.title
            text = AlertView.bodyText(version.entry)
            html = version.entry.contentHTML.isEmpty ? nil : version.entry.contentHTML
        }
    }

    var schema = schemaName
    var event: String
    var idempotencyKey: String
    var deliveryID: Int64
    var subscriber: Subscriber
    var change: Change
    var notice: Notice
    var version: Version?
    var previousVersion: Version?

    enum CodingKeys: String, CodingKey {
        case schema, event, subscriber, change, notice, version
        case idempotencyKey = "idempotency_key"
        case deliveryID = "delivery_id"
        case previousVersion = "previous_version"
    }

    init?(_ context: AlertContext) {
        let change = context.change
        guard change.change.isAlerting else { return nil }
        let planned = context.delivery.planned
        let record = context.notice
        event = "notice.\(change.change.rawValue)"
        idempotencyKey = planned.idempotencyKey
        deliveryID = context.delivery.id
        subscriber = Subscriber(id: planned.subscriberID.rawValue, name: planned.subscriberName, kind: planned.subscriberKind.rawValue)
        self.change = Change(id: change.id, type: change.change.rawValue, at: change.at)
        let classification = record.classification
        notice = Notice(
            id: record.id.rawValue, feed: record.feedID.rawValue, title: change.title, link: record.entry.link,
            kind: change.kind.rawValue, apis: change.apis, scope: change.scope.rawValue, status: record.status.rawValue,
            published: record.entry.published, cancelsNoticeID: record.cancelsNoticeID?.rawValue,
            cancelsTitle: context.cancelledTitle ?? classification.cancels,
            maintenanceWindow: classification.maintenanceWindow.map { Window(start: $0.start, end: $0.end) },
            maintenanceWindows: (classification.maintenanceWindows.isEmpty
                ? classification.maintenanceWindow.map { [$0] } ?? [] : classification.maintenanceWindows)
                .map { Window(start: $0.start, end: $0.end) },
            unparsedWindow: classification.unparsedWindow,
            severity: (change.severity ?? classification.severity)?.rawValue,
            sourceStatus: (context.version?.entry ?? record.entry).facts?.status,
            components: (context.version?.entry ?? record.entry).facts.map { $0.components.map(\.name) })
        version = context.version.map(Version.init)
        previousVersion = context.previousVersion.map(Version.init)
    }

    func encoded() throws(ComposeError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return [UInt8](try encoder.encode(self))
        } catch {
            throw .webhookEncoding(reason: String(describing: error))
        }
    }
}
