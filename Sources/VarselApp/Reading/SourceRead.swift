import FeedFetch
import Foundation
import VarselModel

/// What one read of a source gave: nothing new since the validators we sent, or its entries.
///
/// A feed is one document; a status page is two (incidents and scheduled maintenances). Either
/// way the poll cycle gets one list of entries and diffs it the same way.
enum SourceRead: Sendable {
    case notModified(Validators)
    case modified(SourceSnapshot)
}

/// The entries one read of a source produced, with what the poll log records about it.
struct SourceSnapshot: Sendable {
    /// What the source turned out to be.
    var format: SourceFormat
    /// The source's own title (feed title, status page name).
    var title: String?
    var entries: [FeedEntry]
    var skipped: [SkippedEntry]
    /// HTTP status of the (last) document; 200 for local files.
    var status: Int
    var bytes: Int
    /// Feed-level validators (a feed's ETag); `.none` for multi-document sources, whose
    /// per-document validators travel in `documents`.
    var validators: Validators
    /// Documents to remember for the next conditional read (status pages only).
    var documents: [SourceDocumentState]
    /// Where the source's window begins when it is not its oldest entry (`NoticeDiffer.diff`).
    var windowStart: Date? = nil
}

/// A document's validators and body as read; the ones fetched anew are stored after the poll
/// succeeded (one that answered 304 carries the stored body, which needs no writing back).
struct SourceDocumentState: Sendable {
    var url: String
    var validators: Validators
    var body: [UInt8]
    var isModified: Bool
}

/// Why a read failed, in one line naming the URL, plus what the backoff needs.
struct SourceReadFailure: Error, Sendable {
    var message: String
    var retryAfter: Duration?
    var status: Int?
    var bytes: Int = 0
    /// The document arrived but is not a feed (HTML, JSON): for `auto`, a reason to look further.
    var isNotAFeed = false
}
