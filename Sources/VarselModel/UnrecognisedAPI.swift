public import Foundation

/// A name that looks like an API ("Skattekort API") but that the catalog does not know, with the
/// stored notices whose classification recorded it (`Classification.unrecognisedAPIs`). KS reads
/// the list (`varselvakt catalog unknown`) to add missing APIs or aliases to catalog.toml.
public struct UnrecognisedAPI: Sendable, Hashable, Codable {
    /// The name as the notices wrote it (names differing in case are listed apart).
    public var name: String
    /// The notices that used it, newest published first, each once.
    public var notices: [Mention]

    public init(name: String, notices: [Mention]) {
        self.name = name
        self.notices = notices
    }

    /// One notice that used the name.
    public struct Mention: Sendable, Hashable, Codable {
        public var id: NoticeID
        public var feedID: FeedID
        public var title: String
        /// When the source published it (else last updated it); nil when it gives neither.
        public var published: Date?
        public var status: NoticeStatus

        public init(id: NoticeID, feedID: FeedID, title: String, published: Date?, status: NoticeStatus) {
            self.id = id
            self.feedID = feedID
            self.title = title
            self.published = published
            self.status = status
        }
    }
}
