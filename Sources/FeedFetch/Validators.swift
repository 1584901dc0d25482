/// The cache validators of the last successful fetch of a feed, stored with the feed and sent back
/// on the next poll so an unchanged feed costs a 304 and no parse.
///
/// Both values are opaque and echoed verbatim (an ETag keeps its quotes and any `W/` prefix).
/// For a file:// snapshot `lastModified` holds a synthetic value built from the file's mtime and
/// size (see ``FeedFetcher``); it is never sent over HTTP.
public struct Validators: Sendable, Hashable, Codable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// No validators: the first poll of a feed, or a server that sends none.
    public static let none = Validators()

    public var isEmpty: Bool { etag == nil && lastModified == nil }
}
