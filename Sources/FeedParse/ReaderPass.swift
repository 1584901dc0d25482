import CLibXML2
import VarselModel

/// The reference pass: libxml2's `xmlTextReader` walks the document node by node and feeds the
/// extractor. Handles every well-formed document, including DTDs (entities are never substituted)
/// and Atom XHTML content (serialised with the reader's `innerXML`). `SAXPass` is the fast path
/// for plain feeds; anything it is unsure about is parsed here instead.
struct ReaderPass {
    let reader: XMLStreamReader
    var extractor: FeedExtractor

    init(reader: XMLStreamReader, source: String, maxFieldBytes: Int) {
        self.reader = reader
        let names = FeedNames(intern: reader.intern)
        extractor = FeedExtractor(
            names: names, source: source, maxFieldBytes: maxFieldBytes,
            currentLine: { [reader] in reader.line })
    }

    mutating func run() throws(FeedParseError) -> ParsedFeed {
        let r = reader.reader
        let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
        let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
        let text = Int32(XML_READER_TYPE_TEXT.rawValue)
        let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
        let whitespace = Int32(XML_READER_TYPE_WHITESPACE.rawValue)
        let significantWhitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
        let attributes = ReaderElement(reader: reader)
        while true {
            let status = xmlTextReaderRead(r)
            if status != 1 {
                if status == 0 { break }
                throw failure()
            }
            let type = xmlTextReaderNodeType(r)
            if type == element {
                guard let node = xmlTextReaderCurrentNode(r) else { continue }
                let ns = node.pointee.ns
                try extractor.start(
                    name: node.pointee.name, namespace: ns?.pointee.href, prefix: ns?.pointee.prefix,
                    depth: Int(xmlTextReaderDepth(r)), empty: xmlTextReaderIsEmptyElement(r) == 1,
                    attributes: attributes)
            } else if type == endElement {
                extractor.end(depth: Int(xmlTextReaderDepth(r)))
            } else if extractor.capture != nil,
                type == text || type == cdata || type == whitespace || type == significantWhitespace
            {
                guard let value = reader.textValue() else { continue }
                try extractor.text(value)
            }
        }
        return try extractor.result()
    }

    private func failure() -> FeedParseError {
        let source = extractor.source
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
                || text.contains("too long")
            {
                return .tooLarge(
                    source: source, line: line,
                    element: extractor.capture?.field.elementName ?? "text", limit: 10_000_000)
            }
            return .malformed(source: source, line: line, message: text)
        }
    }
}

/// The reader's current element, for the extractor.
struct ReaderElement: ElementAttributes {
    let reader: XMLStreamReader

    func attribute(_ name: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        reader.attribute(name)
    }

    func innerXML() -> [UInt8]? {
        reader.innerXML()
    }
}
