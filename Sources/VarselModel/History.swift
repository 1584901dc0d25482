public import Foundation

/// A notice as the store knows it now: its latest version, classification and status.
public struct NoticeRecord: Sendable, Hashable, Codable {
    public var id: NoticeID
    public var feedID: FeedID
    /// The latest version as the feed publishes it. `entry.id` is the id the feed uses now, which
    /// differs from `id` after a retitle in a feed that derives ids from titles.
    public var entry: FeedEntry
    public var aliases: [String]
    public var classification: Classification
    public var status: NoticeStatus
    public var firstSeenAt: Date
    public var lastChangedAt: Date
    /// Number of distinct versions stored.
    public var versionCount: Int
    /// For a cancellation ("Utgår - X"): the stored notice of the same feed titled X, if any.
    public var cancelsNoticeID: NoticeID?

    public init(
        id: NoticeID, feedID: FeedID, entry: FeedEntry, aliases: [String], classification: Classification,
        status: NoticeStatus, firstSeenAt: Date, lastChangedAt: Date, versionCount: Int, cancelsNoticeID: NoticeID? = nil
    ) {
        self.cancelsNoticeID = cancelsNoticeID
        self.id = id
        self.feedID = feedID
        self.entry = entry
        self.aliases = aliases
        self.classification = classification
        self.status = status
        self.firstSeenAt = firstSeenAt
        self.lastChangedAt = lastChangedAt
        self.versionCount = versionCount
    }
}

/// One distinct version of a notice, as it was seen.
public struct NoticeVersion: Sendable, Hashable, Codable {
    /// 1 for the first version seen, then 2, 3, ...
    public var seq: Int
    public var seenAt: Date
    public var entry: FeedEntry
    public var fingerprint: Fingerprint

    public init(seq: Int, seenAt: Date, entry: FeedEntry, fingerprint: Fingerprint) {
        self.seq = seq
        self.seenAt = seenAt
        self.entry = entry
        self.fingerprint = fingerprint
    }
}

/// One recorded change of one notice: the history `varselvakt history` prints.
public struct ChangeRecord: Sendable, Hashable, Codable {
    /// Store row id; increases with time.
    public var id: Int64
    public var noticeID: NoticeID
    public var feedID: FeedID
    public var change: ChangeType
    public var at: Date
    /// The notice's title, kind and APIs when the change happened.
    public var title: String
    public var kind: NoticeKind
    public var apis: [String]
    public var scope: NoticeScope
    /// The version this change produced, and the one before it (for a diff).
    public var versionSeq: Int?
    public var previousVersionSeq: Int?
    /// The source's severity at the change (status pages only).
    public var severity: Severity?
    /// The environment the notice concerned at the change (routing honours subscribers' `environments`).
    public var environment: NoticeEnvironment

    public init(
        id: Int64, noticeID: NoticeID, feedID: FeedID, change: ChangeType, at: Date, title: String, kind: NoticeKind,
        apis: [String], scope: NoticeScope, versionSeq: Int?, previousVersionSeq: Int?, severity: Severity? = nil,
        environment: NoticeEnvironment = .production
    ) {
        self.environment = environment
        self.id = id
        self.noticeID = noticeID
        self.feedID = feedID
        self.change = change
        self.at = at
        self.title = title
        self.kind = kind
        self.apis = apis
        self.scope = scope
        self.versionSeq = versionSeq
        self.previousVersionSeq = previousVersionSeq
        self.severity = severity
    }
}

/// A feed's polling state: validators for conditional GET, failures and backoff.
public struct FeedState: Sendable, Hashable, Codable {
    public var id: FeedID
    public var url: String
    public var title: String?
    public var etag: String?
    public var lastModified: String?
    public var lastPollAt: Date?
    /// Nil until the first successful poll; the first successful poll is a baseline.
    public var lastSuccessAt: Date?
    public var consecutiveFailures: Int
    public var lastError: String?
    public var nextPollAt: Date?
    /// Active notices currently missing from the feed (counting towards withdrawal). A
    /// `304 Not Modified` poll only has work to do when this is above zero.
    public var missingCount: Int
    /// Since when the source has been in an alert storm (`AlertStorm`); nil when it is not.
    public var stormSince: Date?

    public init(
        id: FeedID, url: String, title: String? = nil, etag: String? = nil, lastModified: String? = nil,
        lastPollAt: Date? = nil, lastSuccessAt: Date? = nil, consecutiveFailures: Int = 0, lastError: String? = nil,
        nextPollAt: Date? = nil, missingCount: Int = 0, stormSince: Date? = nil
    ) {
        self.missingCount = missingCount
        self.stormSince = stormSince
        self.id = id
        self.url = url
        self.title = title
        self.etag = etag
        self.lastModified = lastModified
        self.lastPollAt = lastPollAt
        self.lastSuccessAt = lastSuccessAt
        self.consecutiveFailures = consecutiveFailures
        self.lastError = lastError
        self.nextPollAt = nextPollAt
    }
}

/// How one poll of one feed ended, kept so an operator can see every fetch.
public enum PollOutcome: String, Sendable, Hashable, Codable {
    case modified
    case notModified = "not_modified"
    case failed
}

/// One poll of one feed, for the poll log.
public struct PollRecord: Sendable, Hashable, Codable {
    public var feedID: FeedID
    public var startedAt: Date
    /// Wall time of fetch, parse, diff and classify, in seconds (the store transaction that
    /// writes this record is not included).
    public var duration: Double
    public var outcome: PollOutcome
    public var httpStatus: Int?
    public var bytes: Int
    public var entries: Int
    public var summary: DiffSummary
    public var error: String?

    public init(
        feedID: FeedID, startedAt: Date, duration: Double, outcome: PollOutcome, httpStatus: Int? = nil, bytes: Int = 0,
        entries: Int = 0, summary: DiffSummary = DiffSummary(), error: String? = nil
    ) {
        self.feedID = feedID
        self.startedAt = startedAt
        self.duration = duration
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.bytes = bytes
        self.entries = entries
        self.summary = summary
        self.error = error
    }
}
