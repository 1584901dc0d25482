import Foundation
public import NoticeStore
public import VarselModel

/// A notice as `varselvakt notices --json` prints it. The keys are a contract with tools outside
/// this repository (../shared/check/cli-contract): add keys freely, never rename or drop one.
public struct NoticeJSON: Encodable, Sendable {
    public struct Window: Encodable, Sendable {
        var start: String
        var end: String?
        // Encode `end: null` explicitly: consumers test for the key.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
        }
        enum CodingKeys: String, CodingKey { case start, end }
    }

    var id: String
    var feed: String
    var entryId: String
    var aliases: [String]
    var title: String
    var link: String?
    var kind: String
    var apis: [String]
    var scope: String
    var maintenanceWindow: Window?
    var unparsedWindow: String?
    var cancels: String?
    var cancelsNoticeId: String?
    var categories: [String]
    var published: String?
    var updated: String?
    var status: String
    var firstSeen: String
    var lastChanged: String
    var versions: Int
    /// The source's severity (status-page `impact`), null for feeds.
    var severity: String?
    /// The source's own status word for the newest update ("investigating"), null for feeds.
    var sourceStatus: String?
    /// Status-page components the notice concerns, as the page names them.
    var components: [String]
    /// Components no catalog entry maps (KS extends `status_components` with these).
    var unmappedComponents: [String]
    /// API-like names the catalog does not know (filled in by the classifier; `catalog unknown`).
    var unrecognisedApis: [String]
    /// "production", "test" or "both": the environment the notice concerns.
    var environment: String
    /// Every maintenance window the notice announces, in its order; [] when none. The first is
    /// `maintenance_window`.
    var maintenanceWindows: [Window]

    public init(_ n: NoticeRecord) {
        id = n.id.rawValue
        feed = n.feedID.rawValue
        entryId = n.entry.id
        aliases = n.aliases
        title = n.entry.title
        link = n.entry.link
        kind = n.classification.kind.rawValue
        apis = n.classification.apis
        scope = n.classification.scope.rawValue
        maintenanceWindow = n.classification.maintenanceWindow.map {
            Window(start: OutputDate.iso($0.start), end: $0.end.map(OutputDate.iso))
        }
        unparsedWindow = n.classification.unparsedWindow
        cancels = n.classification.cancels
        cancelsNoticeId = n.cancelsNoticeID?.rawValue
        categories = n.entry.categories
        published = n.entry.published.map(OutputDate.iso)
        updated = n.entry.updated.map(OutputDate.iso)
        status = n.status.rawValue
        firstSeen = OutputDate.iso(n.firstSeenAt)
        lastChanged = OutputDate.iso(n.lastChangedAt)
        versions = n.versionCount
        severity = n.classification.severity?.rawValue
        sourceStatus = n.entry.facts?.status
        components = n.entry.facts?.components.map(\.name) ?? []
        unmappedComponents = n.classification.unmappedComponents
        unrecognisedApis = n.classification.unrecognisedAPIs
        environment = n.classification.environment.rawValue
        maintenanceWindows = n.classification.maintenanceWindows.map {
            Window(start: OutputDate.iso($0.start), end: $0.end.map(OutputDate.iso))
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, feed, entryId = "entry_id", aliases, title, link, kind, apis, scope
        case maintenanceWindow = "maintenance_window", unparsedWindow = "unparsed_window", cancels,
            cancelsNoticeId = "cancels_notice_id", categories
        case published, updated, status, firstSeen = "first_seen", lastChanged = "last_changed", versions
        case severity, sourceStatus = "source_status", components, unmappedComponents = "unmapped_components"
        case unrecognisedApis = "unrecognised_apis", environment, maintenanceWindows = "maintenance_windows"
    }

    // Optional keys are always present (null when unknown), so consumers can rely on them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(feed, forKey: .feed)
        try c.encode(entryId, forKey: .entryId)
        try c.encode(aliases, forKey: .aliases)
        try c.encode(title, forKey: .title)
        try c.encode(link, forKey: .link)
        try c.encode(kind, forKey: .kind)
        try c.encode(apis, forKey: .apis)
        try c.encode(scope, forKey: .scope)
        try c.encode(maintenanceWindow, forKey: .maintenanceWindow)
        try c.encode(unparsedWindow, forKey: .unparsedWindow)
        try c.encode(cancels, forKey: .cancels)
        try c.encode(cancelsNoticeId, forKey: .cancelsNoticeId)
        try c.encode(categories, forKey: .categories)
        try c.encode(published, forKey: .published)
        try c.encode(updated, forKey: .updated)
        try c.encode(status, forKey: .status)
        try c.encode(firstSeen, forKey: .firstSeen)
        try c.encode(lastChanged, forKey: .lastChanged)
        try c.encode(versions, forKey: .versions)
        try c.encode(severity, forKey: .severity)
        try c.encode(sourceStatus, forKey: .sourceStatus)
        try c.encode(components, forKey: .components)
        try c.encode(unmappedComponents, forKey: .unmappedComponents)
        try c.encode(unrecognisedApis, forKey: .unrecognisedApis)
        try c.encode(environment, forKey: .environment)
        try c.encode(maintenanceWindows, forKey: .maintenanceWindows)
    }
}

/// A change as `varselvakt history --json` prints it (same contract rules as `NoticeJSON`).
public struct ChangeJSON: Encodable, Sendable {
    var id: Int64
    var noticeId: String
    var feed: String
    var change: String
    var at: String
    var title: String
    var kind: String
    var apis: [String]
    var scope: String
    var alerting: Bool
    var version: Int?
    var previousVersion: Int?
    var severity: String?
    /// "production", "test" or "both", as the notice was classified at the change.
    var environment: String

    public init(_ c: ChangeRecord) {
        id = c.id
        noticeId = c.noticeID.rawValue
        feed = c.feedID.rawValue
        change = c.change.rawValue
        at = OutputDate.iso(c.at)
        title = c.title
        kind = c.kind.rawValue
        apis = c.apis
        scope = c.scope.rawValue
        alerting = c.change.isAlerting
        version = c.versionSeq
        previousVersion = c.previousVersionSeq
        severity = c.severity?.rawValue
        environment = c.environment.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case id, noticeId = "notice_id", feed, change, at, title, kind, apis, scope, alerting
        case version, previousVersion = "previous_version", severity, environment
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(noticeId, forKey: .noticeId)
        try c.encode(feed, forKey: .feed)
        try c.encode(change, forKey: .change)
        try c.encode(at, forKey: .at)
        try c.encode(title, forKey: .title)
        try c.encode(kind, forKey: .kind)
        try c.encode(apis, forKey: .apis)
        try c.encode(scope, forKey: .scope)
        try c.encode(alerting, forKey: .alerting)
        try c.encode(version, forKey: .version)
        try c.encode(previousVersion, forKey: .previousVersion)
        try c.encode(severity, forKey: .severity)
        try c.encode(environment, forKey: .environment)
    }
}

/// One version of a notice for `varselvakt notice ID --json`.
public struct VersionJSON: Encodable, Sendable {
    var seq: Int
    var seenAt: String
    var entryId: String
    var title: String
    var link: String?
    var published: String?
    var updated: String?
    var categories: [String]
    var summaryText: String
    var contentText: String
    var contentHtml: String

    public init(_ v: NoticeVersion) {
        seq = v.seq
        seenAt = OutputDate.iso(v.seenAt)
        entryId = v.entry.id
        title = v.entry.title
        link = v.entry.link
        published = v.entry.published.map(OutputDate.iso)
        updated = v.entry.updated.map(OutputDate.iso)
        categories = v.entry.categories
        summaryText = v.entry.summaryText
        contentText = v.entry.contentText
        contentHtml = v.entry.contentHTML
    }

    enum CodingKeys: String, CodingKey {
        case seq, seenAt = "seen_at", entryId = "entry_id", title, link, published, updated, categories
        case summaryText = "summary_text", contentText = "content_text", contentHtml = "content_html"
    }
}

/// `varselvakt notice ID --json`: the notice, every version, every change.
public struct NoticeDetailJSON: Encodable, Sendable {
    var notice: NoticeJSON
    var versions: [VersionJSON]
    var changes: [ChangeJSON]
    /// Why it is classified so (rules and lexicon phrases), when asked for.
    var classification: ClassificationExplanation?

    public init(_ d: NoticeDetail, explanation: ClassificationExplanation? = nil) {
        notice = NoticeJSON(d.notice)
        versions = d.versions.map(VersionJSON.init)
        changes = d.changes.map(ChangeJSON.init)
        classification = explanation
    }
}

/// The one JSON encoder of the CLI: stable key order, readable, no escaped slashes in URLs.
public enum OutputJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
