import CLibXML2
import Foundation
import VarselModel

/// One pass of the reader over one document: detects the format from the root element, captures
/// the text of the elements that matter and turns finished entries into `FeedEntry` values.
/// The Atom and RSS element rules live in `FeedExtractor+Atom.swift` / `+RSS.swift`.
struct FeedExtractor {
    let reader: XMLStreamReader
    let names: FeedNames
    let source: String
    let maxFieldBytes: Int

    var format: FeedFormat?
    var feedTitle = ""
    var entries: [FeedEntry] = []
    var skipped: [SkippedEntry] = []
    var draft: EntryDraft?
    var entryCount = 0
    /// RSS: inside `rss/channel`.
    var inChannel = false

    /// The element whose text is being collected, its markup and depth.
    var capture: (field: FeedField, markup: TextMarkup, depth: Int)?
    let buffer = ByteBuffer(capacity: 16_384)
    var converter = HTMLConverter()
    var plain = PlainTextBuilder()

    init(reader: XMLStreamReader, source: String, maxFieldBytes: Int) {
        self.reader = reader
        self.names = FeedNames(reader)
        self.source = source
        self.maxFieldBytes = maxFieldBytes
    }

    mutating func run() throws(FeedParseError) -> ParsedFeed {
        let r = reader.reader
        let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
        let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
        let text = Int32(XML_READER_TYPE_TEXT.rawValue)
        let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
        let whitespace = Int32(XML_READER_TYPE_WHITESPACE.rawValue)
        let significantWhitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
        while true {
            let status = xmlTextReaderRead(r)
            if status != 1 {
                if status == 0 { break }
                throw failure()
            }
            let type = xmlTextReaderNodeType(r)
            if type == element {
                guard let node = xmlTextReaderCurrentNode(r) else { continue }
                let depth = Int(xmlTextReaderDepth(r))
                let empty = xmlTextReaderIsEmptyElement(r) == 1
                switch format {
                case .atom: try atomStart(node, depth: depth, empty: empty)
                case .rss: try rssStart(node, depth: depth, empty: empty)
                case nil: try detectFormat(node)
                }
            } else if type == endElement {
                let depth = Int(xmlTextReaderDepth(r))
                if let open = capture, open.depth == depth {
                    capture = nil
                    deliver(open.field, open.markup)
                }
                if format == .atom { atomEnd(depth: depth) } else { rssEnd(depth: depth) }
            } else if capture != nil, type == text || type == cdata || type == whitespace || type == significantWhitespace {
                guard let value = reader.textValue() else { continue }
                try appendCaptured(value)
            }
        }
        guard let format else { throw .empty(source: source) }
        return ParsedFeed(format: format, title: feedTitle, entries: entries, skipped: skipped)
    }

    private mutating func detectFormat(_ node: UnsafeMutablePointer<xmlNode>) throws(FeedParseError) {
        let name = node.pointee.name
        if name == names.feed, FeedNames.node(node, isIn: names.atom) {
            format = .atom
        } else if name == names.rss, node.pointee.ns == nil {
            format = .rss
        } else {
            var root = name.map { String(cString: $0) } ?? "?"
            if let ns = node.pointee.ns {
                if let prefix = ns.pointee.prefix { root = String(cString: prefix) + ":" + root }
                if let href = ns.pointee.href { root += " xmlns=\"\(String(cString: href))\"" }
            }
            throw .notAFeed(source: source, root: root)
        }
    }

    // MARK: Capturing text

    /// Starts collecting the text of the current element, or handles it at once when it is empty
    /// or XHTML (whose child elements are taken as serialized markup).
    mutating func begin(_ field: FeedField, _ markup: TextMarkup, depth: Int, empty: Bool) throws(FeedParseError) {
        buffer.removeAll()
        if empty {
            deliver(field, markup)
        } else if markup == .xhtml {
            let inner = reader.innerXML()
            capture = (field, markup, depth)
            try inner.withUnsafeBufferPointer { (bytes) throws(FeedParseError) in try appendCaptured(bytes) }
            capture = nil
            deliver(field, .html)
        } else {
            capture = (field, markup, depth)
        }
    }

    private mutating func appendCaptured(_ value: UnsafeBufferPointer<UInt8>) throws(FeedParseError) {
        guard buffer.count + value.count <= maxFieldBytes else {
            throw .tooLarge(source: source, line: reader.line, element: capture?.field.elementName ?? "text",
                            limit: maxFieldBytes)
        }
        buffer.append(value)
    }

    // MARK: Errors

    private func failure() -> FeedParseError {
        let sink = reader.errors
        var line = sink.line
        if line <= 0 { line = reader.line }
        var message = sink.message
        if message == nil, let last = xmlGetLastError(), let text = last.pointee.message {
            message = String(cString: text).trimmingASCIIWhitespace()
        }
        let text = message ?? "unknown libxml2 error"
        switch sink.code {
        case Int32(XML_ERR_ENTITY_LOOP.rawValue):
            return .entityLoop(source: source, line: line)
        default:
            // libxml2's own caps without XML_PARSE_HUGE: 10,000,000 bytes per text node / lookup.
            if text.contains("huge text node") || text.contains("Huge input lookup") || text.contains("too big")
                || text.contains("too long") {
                return .tooLarge(source: source, line: line, element: capture?.field.elementName ?? "text",
                                 limit: 10_000_000)
            }
            return .malformed(source: source, line: line, message: text)
        }
    }
}
