/// Why a feed document could not be turned into entries. Every case names the document (`source`,
/// the URL or path the bytes came from) so one log line is enough for an operator.
///
/// A whole document is rejected, never half-read: the caller keeps what it stored last time.
/// Single entries that cannot be kept (no id, no link) are not errors; they are reported in
/// `ParsedFeed.skipped`.
public enum FeedParseError: Error, CustomStringConvertible, Sendable, Hashable {
    /// Zero bytes, or only whitespace: a server that answered 200 with nothing.
    case empty(source: String)
    /// Not well-formed XML (truncated download, an HTML error page, a stray `&`). `line` is
    /// libxml2's line number (1-based; 0 when unknown), `message` libxml2's own words.
    case malformed(source: String, line: Int, message: String)
    /// Well-formed XML whose root element is neither Atom's `feed` nor RSS 2.0's `rss`
    /// (for example `html` from a login or error page). `root` is the root element's name.
    case notAFeed(source: String, root: String)
    /// The document defines entities that expand into each other ("billion laughs"); libxml2
    /// stops before expanding them, and so do we.
    case entityLoop(source: String, line: Int)
    /// One text field (`element`) is longer than `limit` bytes. Real notices are a few KB; a
    /// field this large means the feed is broken or hostile, so the whole document is refused
    /// rather than stored, hashed and mailed. See `FeedParser.maxFieldBytes`.
    case tooLarge(source: String, line: Int, element: String, limit: Int)

    public var description: String {
        switch self {
        case let .empty(source):
            return "feed \(source): not a feed: the document is empty"
        case let .malformed(source, line, message):
            return "feed \(source): not a feed: malformed XML at line \(line): \(message)"
        case let .notAFeed(source, root):
            return "feed \(source): not a feed: root element is <\(root)>, expected Atom <feed> or RSS <rss>"
        case let .entityLoop(source, line):
            return "feed \(source): rejected: entity reference loop (billion laughs) at line \(line)"
        case let .tooLarge(source, line, element, limit):
            return "feed \(source): rejected: <\(element)> near line \(line) is larger than \(limit) bytes"
        }
    }
}
