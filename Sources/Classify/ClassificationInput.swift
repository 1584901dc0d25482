public import Foundation
public import VarselModel

/// What `Classifier` needs to know about one version of a notice: plain text and values, no
/// store or feed types, so the stage stays pure and testable.
public struct ClassificationInput: Sendable, Hashable {
    /// The entry's title as plain text.
    public var title: String
    /// The summary (Atom `summary`, RSS has none) as plain text; empty when absent.
    public var summaryText: String
    /// The full content (Atom `content`, RSS `description`) as plain text; empty when absent.
    public var contentText: String
    /// The entry's categories exactly as the feed wrote them ("Drift", "nyhet", "OTP").
    public var categories: [String]
    /// When the feed says the notice was published. Stands in for "now" when deciding whether a
    /// window lies ahead and which year a year-less date ("16.november") falls in. Nil for RSS
    /// items without pubDate: then year-less dates cannot be placed.
    public var published: Date?
    /// Catalog ids the feed as a whole is about (Folkeregisteret's feed → ["folkeregisteret"]);
    /// used when the notice itself names no API. Empty for the mixed API feed.
    public var feedAPIs: [String]
    /// What a structured source (a status page) states outright; these win over words.
    public var facts: SourceFacts?

    public init(
        title: String, summaryText: String = "", contentText: String = "", categories: [String] = [],
        published: Date? = nil, feedAPIs: [String] = [], facts: SourceFacts? = nil
    ) {
        self.title = title
        self.summaryText = summaryText
        self.contentText = contentText
        self.categories = categories
        self.published = published
        self.feedAPIs = feedAPIs
        self.facts = facts
    }
}

extension ClassificationInput {
    /// What the classifier reads of one stored or parsed entry; `feedAPIs` are its source's
    /// `apis` (used when the notice names none).
    public init(entry: FeedEntry, feedAPIs: [String]) {
        self.init(
            title: entry.title, summaryText: entry.summaryText, contentText: entry.contentText,
            categories: entry.categories, published: entry.published ?? entry.updated, feedAPIs: feedAPIs,
            facts: entry.facts)
    }
}
