import CLibXML2
import Foundation
import VarselModel

/// The attributes of the element that just started, as the extractor needs them. Two drivers
/// provide them: `ReaderPass` (libxml2 `xmlTextReader`, the reference path) and `SAXPass`
/// (libxml2 SAX2, the fast path for plain feeds).
protocol ElementAttributes {
    /// The value of attribute `name` (no namespace prefix), decoded as the reader returns it.
    /// Valid until the next call.
    func attribute(_ name: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8>?
    /// Serialised XML of the element's children (Atom `type="xhtml"`), or nil when this driver
    /// cannot serialise: the extractor then sets `needsReader` and the document goes to the reader.
    func innerXML() -> [UInt8]?
}

/// One pass over one document: detects the format from the root element, captures the text of
/// the elements that matter and turns finished entries into `FeedEntry` values. Driven by events
/// (`start`, `text`, `end`) so that the reader and the SAX pass share every extraction rule.
/// The Atom and RSS element rules live in `FeedExtractor+Atom.swift` / `+RSS.swift`.
struct FeedExtractor {
    let names: FeedNames
    let source: String
    let maxFieldBytes: Int
    /// The parser's current line, only asked when an error is thrown.
    let currentLine: () -> Int

    var format: FeedFormat?
    var feedTitle = ""
    var entries: [FeedEntry] = []
    var skipped: [SkippedEntry] = []
    var draft: EntryDraft?
    var entryCount = 0
    /// RSS: inside `rss/channel`.
    var inChannel = false
    /// Set when the document needs something only the reader pass does (XHTML serialisation).
    var needsReader = false

    /// The element whose text is being collected, its markup and depth.
    var capture: (field: FeedField, markup: TextMarkup, depth: Int)?
    let buffer = ByteBuffer(capacity: 16_384)
    var converter = HTMLConverter()
    var plain = PlainTextBuilder()

    init(names: FeedNames, source: String, maxFieldBytes: Int, currentLine: @escaping () -> Int) {
        self.names = names
        self.source = source
        self.maxFieldBytes = maxFieldBytes
        self.currentLine = currentLine
        entries.reserveCapacity(64)
    }

    // MARK: Events

    /// An element started. `namespace` is its namespace URI (nil: none), `prefix` only names the
    /// root in errors. `empty`: the reader saw `<x/>` and will send no `end` for it.
    @inline(__always)
    mutating func start<A: ElementAttributes>(
        name: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?, prefix: UnsafePointer<UInt8>?,
        depth: Int, empty: Bool, attributes: A
    ) throws(FeedParseError) {
        switch format {
        case .atom: try atomStart(name, namespace, depth: depth, empty: empty, attributes)
        case .rss: try rssStart(name, namespace, depth: depth, empty: empty)
        case nil: try detectFormat(name, namespace, prefix)
        }
    }

    /// Text, CDATA or whitespace inside the current element.
    @inline(__always)
    mutating func text(_ value: UnsafeBufferPointer<UInt8>) throws(FeedParseError) {
        guard capture != nil else { return }
        try appendCaptured(value)
    }

    mutating func end(depth: Int) {
        if let open = capture, open.depth == depth {
            capture = nil
            deliver(open.field, open.markup)
        }
        if format == .atom { atomEnd(depth: depth) } else { rssEnd(depth: depth) }
    }

    /// The feed read so far, at the end of the document.
    func result() throws(FeedParseError) -> ParsedFeed {
        guard let format else { throw .empty(source: source) }
        return ParsedFeed(format: format, title: feedTitle, entries: entries, skipped: skipped)
    }

    private mutating func detectFormat(
        _ name: UnsafePointer<UInt8>?, _ namespace: UnsafePointer<UInt8>?, _ prefix: UnsafePointer<UInt8>?
    ) throws(FeedParseError) {
        if name == names.feed, FeedNames.namespace(namespace, is: names.atom) {
            format = .atom
        } else if name == names.rss, namespace == nil {
            format = .rss
        } else {
            var root = name.map { String(cString: $0) } ?? "?"
            if let prefix { root = String(cString: prefix) + ":" + root }
            if let namespace { root += " xmlns=\"\(String(cString: namespace))\"" }
            throw .notAFeed(source: source, root: root)
        }
    }

    // MARK: Capturing text

    /// Starts collecting the text of the current element, or handles it at once when it is empty
    /// or XHTML (whose child elements are taken as serialized markup).
    mutating func begin<A: ElementAttributes>(
        _ field: FeedField, _ markup: TextMarkup, depth: Int, empty: Bool, _ attributes: A
    ) throws(FeedParseError) {
        buffer.removeAll()
        if empty {
            deliver(field, markup)
        } else if markup == .xhtml {
            guard let inner = attributes.innerXML() else {
                needsReader = true
                return
            }
            capture = (field, markup, depth)
            try inner.withUnsafeBufferPointer { (bytes) throws(FeedParseError) in try appendCaptured(bytes) }
            capture = nil
            deliver(field, .html)
        } else {
            capture = (field, markup, depth)
        }
    }

    /// `begin` for fields that are never XHTML.
    mutating func begin(_ field: FeedField, _ markup: TextMarkup, depth: Int, empty: Bool) throws(FeedParseError) {
        buffer.removeAll()
        if empty {
            deliver(field, markup)
        } else {
            capture = (field, markup, depth)
        }
    }

    private mutating func appendCaptured(_ value: UnsafeBufferPointer<UInt8>) throws(FeedParseError) {
        guard buffer.count + value.count <= maxFieldBytes else {
            throw .tooLarge(
                source: source, line: currentLine(), element: capture?.field.elementName ?? "text",
                limit: maxFieldBytes)
        }
        buffer.append(value)
    }
}
