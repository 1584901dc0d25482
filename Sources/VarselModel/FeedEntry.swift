public import Foundation

/// One entry exactly as a feed published it, after parsing and sanitizing.
///
/// `FeedParse` produces these; `NoticeDiff` compares them with what is stored. All text is
/// already decoded (entities resolved, CDATA unwrapped), so two builds of a feed that differ
/// only in how characters were escaped give equal entries.
public struct FeedEntry: Sendable, Hashable, Codable {
    /// The entry's identity in its feed: Atom `id`; RSS `guid`, else `link`. Never empty.
    public var id: String
    /// Plain-text title (markup stripped, whitespace collapsed).
    public var title: String
    /// The entry's `alternate` link (Atom) or `link` (RSS), if any.
    public var link: String?
    /// Atom `published`, RSS `pubDate`. Folkeregisteret's RSS leaves it out on many items.
    public var published: Date?
    /// Atom `updated` (Docusaurus sets it to the post date, not the edit time).
    public var updated: Date?
    /// Categories as written in the feed; case and spelling are inconsistent in the real feeds.
    public var categories: [String]
    /// Summary as plain text (Atom `summary`); empty when the feed has none.
    public var summaryText: String
    /// Full content as plain text (Atom `content`, RSS `content:encoded` or `description`).
    public var contentText: String
    /// Full content as sanitized HTML: only allow-listed tags and attributes survive, so it is
    /// safe to put into an email or a page. Never contains script, style, iframe or event handlers.
    public var contentHTML: String
    /// What a structured source (a status page) states outright; nil for plain feed entries.
    public var facts: SourceFacts?

    public init(
        id: String, title: String, link: String? = nil, published: Date? = nil, updated: Date? = nil,
        categories: [String] = [], summaryText: String = "", contentText: String = "", contentHTML: String = "",
        facts: SourceFacts? = nil
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.categories = categories
        self.summaryText = summaryText
        self.contentText = contentText
        self.contentHTML = contentHTML
        self.facts = facts
    }
}

/// The syntax a feed document was written in.
public enum FeedFormat: String, Sendable, Hashable, Codable {
    case atom
    case rss
}

/// An entry the parser could not keep (no id and no link), reported so an operator can see it.
public struct SkippedEntry: Sendable, Hashable, Codable {
    /// 1-based position of the entry in the document.
    public var position: Int
    /// Its title, if it had one, to help find it.
    public var title: String?
    /// Why it was skipped, one line.
    public var reason: String

    public init(position: Int, title: String?, reason: String) {
        self.position = position
        self.title = title
        self.reason = reason
    }
}

/// A whole parsed feed document.
public struct ParsedFeed: Sendable, Hashable {
    public var format: FeedFormat
    /// The feed's own title (Atom `title`, RSS `channel/title`).
    public var title: String
    /// Entries in document order (both real feeds put the newest first).
    public var entries: [FeedEntry]
    /// Entries that were dropped, with the reason.
    public var skipped: [SkippedEntry]

    public init(format: FeedFormat, title: String, entries: [FeedEntry], skipped: [SkippedEntry] = []) {
        self.format = format
        self.title = title
        self.entries = entries
        self.skipped = skipped
    }
}
