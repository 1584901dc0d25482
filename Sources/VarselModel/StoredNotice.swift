public import Foundation

/// What the differ needs to know about a notice already in the store.
public struct StoredNotice: Sendable, Hashable {
    public var id: NoticeID
    /// The id the feed used for it at the last poll that saw it.
    public var entryID: String
    /// Earlier ids of the same notice (a retitled notice in a feed that derives ids from titles).
    public var aliases: [String]
    public var status: NoticeStatus
    public var fingerprint: Fingerprint
    public var published: Date?
    public var updated: Date?
    /// The current version's summary and content text (`bodyText(of:)`), so a notice retitled
    /// and edited in the same poll can be recognised by similar words. The store loads it for
    /// active notices only (nil otherwise): only those can be paired that way.
    public var bodyText: String?
    /// Consecutive successful polls the notice has been missing from its feed while inside the window.
    public var missingPolls: Int

    public init(
        id: NoticeID, entryID: String, aliases: [String] = [], status: NoticeStatus, fingerprint: Fingerprint,
        published: Date?, updated: Date?, missingPolls: Int = 0, bodyText: String? = nil
    ) {
        self.id = id
        self.entryID = entryID
        self.aliases = aliases
        self.status = status
        self.fingerprint = fingerprint
        self.published = published
        self.updated = updated
        self.missingPolls = missingPolls
        self.bodyText = bodyText
    }

    /// An entry's body as `bodyText` holds it: summary and content text, a newline between.
    public static func bodyText(of entry: FeedEntry) -> String {
        entry.summaryText + "\n" + entry.contentText
    }

    /// The date used to place the notice in the feed's window.
    public var windowDate: Date? { published ?? updated }
}
