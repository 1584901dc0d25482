public import VarselModel

/// Reads an Atom 1.0 or RSS 2.0 document into `ParsedFeed`, with every entry's text decoded,
/// normalised and its HTML sanitized (see `HTMLText`).
///
/// Streaming: memory stays proportional to one entry, not the document. Plain feeds (no DOCTYPE,
/// no XHTML content, no libxml2 diagnostics) take libxml2's SAX2 parser (`SAXPass`); everything
/// else, and every error, goes through `xmlTextReader` (`ReaderPass`), the reference path whose
/// results the fast path reproduces byte for byte.
/// Safe on hostile input: no entity substitution (XXE), no external DTD or network access, no
/// output to stderr, entity loops rejected, one text field capped at `maxFieldBytes`.
///
/// The format comes from the root element: `feed` in the Atom namespace or `rss`; anything else
/// (an HTML error page, RSS 1.0/RDF) is `FeedParseError.notAFeed`.
public struct FeedParser: Sendable {
    /// Default cap on one text field (title, content ...): 1 MiB. A real notice is a few KB.
    public static let defaultMaxFieldBytes = 1 << 20

    /// Largest accepted text field, in UTF-8 bytes; a larger one rejects the whole document with
    /// `FeedParseError.tooLarge` (not truncated: a cut notice would hash and mail as a changed one).
    public let maxFieldBytes: Int

    public init(maxFieldBytes: Int = FeedParser.defaultMaxFieldBytes) {
        self.maxFieldBytes = maxFieldBytes
    }

    /// Parses one document. `source` (URL or path) only names the document in errors.
    ///
    /// Entries without an id and without a link cannot be tracked; they are left out and listed in
    /// `ParsedFeed.skipped` while the rest of the feed is kept. Every other problem rejects the
    /// whole document (`FeedParseError`), so a caller never mistakes half a feed for withdrawals.
    public func parse(_ bytes: [UInt8], source: String) throws(FeedParseError) -> ParsedFeed {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            throw .empty(source: source)
        }
        guard bytes.count < Int(Int32.max) else {
            throw .tooLarge(source: source, line: 0, element: "document", limit: Int(Int32.max))
        }
        let result: Result<ParsedFeed, FeedParseError> = bytes.withUnsafeBufferPointer { buffer in
            if let feed = SAXPass.parse(buffer, source: source, maxFieldBytes: maxFieldBytes) {
                return .success(feed)
            }
            return Self.readerResult(buffer, source: source, maxFieldBytes: maxFieldBytes)
        }
        return try result.get()
    }

    /// The reader pass alone (also the fallback of `parse`); internal so tests can compare paths.
    static func readerResult(
        _ buffer: UnsafeBufferPointer<UInt8>, source: String, maxFieldBytes: Int
    ) -> Result<ParsedFeed, FeedParseError> {
        guard let reader = XMLStreamReader(bytes: buffer) else {
            return .failure(.malformed(source: source, line: 0, message: "libxml2 could not create a reader"))
        }
        var pass = ReaderPass(reader: reader, source: source, maxFieldBytes: maxFieldBytes)
        do throws(FeedParseError) {
            return .success(try pass.run())
        } catch {
            return .failure(error)
        }
    }
}
