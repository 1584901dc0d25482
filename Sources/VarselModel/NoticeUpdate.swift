import Foundation

/// What one poll means for one notice: the new state to store and, if any, the change to record.
///
/// Only notices whose stored state must change get an update; an entry seen again exactly as
/// stored produces none, so an unchanged 200 poll writes almost nothing.
public struct NoticeUpdate: Sendable, Hashable {
    public var noticeID: NoticeID
    /// The change row to record, or nil for a silent update (markup-only edit, a missing
    /// count going up, an expired notice restored after a feed was briefly truncated).
    public var change: ChangeType?
    /// Why, in more detail than `change`; for logs and tests.
    public var reason: Reason
    /// The entry as it is in the feed now; nil when the notice is absent.
    public var entry: FeedEntry?
    public var fingerprint: Fingerprint?
    /// Whether the entry differs from the stored version in any way we keep (store a new version).
    public var recordsVersion: Bool
    public var status: NoticeStatus
    public var missingPolls: Int
    /// Set when the notice now goes by another id in the feed; the old id stays an alias.
    public var newEntryID: String?

    public enum Reason: Sendable, Hashable {
        case baseline
        case new
        case textChanged
        /// Same text, other markup, dates, link or categories: recorded, not alerted.
        case versionOnly
        /// An unknown id recognised as a notice missing from the feed (a retitle in a feed that
        /// derives ids from titles); `evidence` says which rule paired them.
        case reidentified(previousEntryID: String, evidence: ReidentificationEvidence)
        /// Missing from the feed inside its window, not yet for enough polls to call it withdrawn.
        case missing
        /// Back after being missing for fewer polls than the threshold.
        case backBeforeThreshold
        case withdrawn
        case expired
        /// An expired notice back in the feed (a feed briefly truncated and then restored).
        case restored
        case reappeared
    }

    public init(
        noticeID: NoticeID, change: ChangeType?, reason: Reason, entry: FeedEntry?, fingerprint: Fingerprint?,
        recordsVersion: Bool, status: NoticeStatus, missingPolls: Int, newEntryID: String? = nil
    ) {
        self.noticeID = noticeID
        self.change = change
        self.reason = reason
        self.entry = entry
        self.fingerprint = fingerprint
        self.recordsVersion = recordsVersion
        self.status = status
        self.missingPolls = missingPolls
        self.newEntryID = newEntryID
    }
}

/// Why `NoticeDiff` took an entry with an unknown id for a stored notice, strongest first (the
/// rules in full: `Reidentification` in NoticeDiff).
public enum ReidentificationEvidence: Int, Sendable, Hashable, CaseIterable {
    /// Same body text and the same publication time: any status, expired and withdrawn included.
    case sameDateAndBody
    /// Same body text under another date: an active notice retitled and re-dated in one poll.
    case sameBody
    /// Published within a day and nearly the same words: retitled, re-dated and edited in one poll.
    case similarBody
}

/// Counts of one poll's outcome, for the one-line summary `poll --once` prints.
public struct DiffSummary: Sendable, Hashable, Codable {
    public var baseline = 0
    public var new = 0
    public var changed = 0
    public var withdrawn = 0
    public var expired = 0
    public var reappeared = 0
    /// Entries in the feed whose text did not change.
    public var unchanged = 0

    public init() {}

    public init(_ updates: [NoticeUpdate], entryCount: Int) {
        for update in updates {
            switch update.change {
            case .baseline: baseline += 1
            case .new: new += 1
            case .changed: changed += 1
            case .withdrawn: withdrawn += 1
            case .expired: expired += 1
            case .reappeared: reappeared += 1
            case nil: break
            }
        }
        unchanged = max(0, entryCount - baseline - new - changed - reappeared)
    }
}
