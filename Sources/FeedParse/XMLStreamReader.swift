import CLibXML2

/// A libxml2 `xmlTextReader` over bytes the caller keeps alive, configured so that a feed can
/// never make us read a file, open a socket or print to stderr.
///
/// Why these options: `NONET` forbids network fetches; `NOERROR`/`NOWARNING` plus our own
/// structured error handler keep libxml2 quiet and hand us the first error with its line;
/// `COMPACT` saves allocations. Deliberately absent: `NOENT` (would substitute entities, the door
/// for XXE), `DTDLOAD`/`DTDATTR`/`DTDVALID` (would read external DTDs), `XINCLUDE`, and `HUGE`
/// (which lifts libxml2's 10,000,000-byte text-node and entity-amplification limits).
///
/// The reader points into the caller's buffer: it must not outlive the `withUnsafeBufferPointer`
/// scope that created it.
final class XMLStreamReader {
    static let options: Int32 = Int32(
        bitPattern:
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue)

    /// libxml2's global initialisation, run once per process before the first reader
    /// (`xmlInitParser` is not safe to race on first use; Swift's `static let` runs it once).
    static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    let reader: OpaquePointer
    let errors = XMLErrorSink()

    /// Returns nil only when libxml2 cannot allocate a reader.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        _ = Self.initialised
        let made = bytes.withMemoryRebound(to: CChar.self) { chars in
            xmlReaderForMemory(chars.baseAddress, Int32(chars.count), nil, nil, Self.options)
        }
        guard let made else { return nil }
        reader = made
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                Unmanaged<XMLErrorSink>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
            }, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// The interned copy of `name` in this reader's dictionary: element names the reader returns
    /// are interned in the same dictionary, so they can be compared by pointer.
    func intern(_ name: String) -> UnsafePointer<UInt8> {
        xmlTextReaderConstString(reader, name)
    }

    /// The value of attribute `name` (no namespace) on the current element, if present.
    /// The bytes are only valid until the next `xmlTextReaderRead`.
    func attribute(_ name: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        guard let value = xmlTextReaderConstValue(reader) else { return nil }
        return UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value)))
    }

    /// Serialised XML of the current element's children (for Atom `type="xhtml"`).
    func innerXML() -> [UInt8] {
        guard let xml = xmlTextReaderReadInnerXml(reader) else { return [] }
        defer { vv_xmlFree(xml) }
        return Array(UnsafeBufferPointer(start: xml, count: Int(xmlStrlen(xml))))
    }

    /// The current text node's bytes, valid until the next read.
    func textValue() -> UnsafeBufferPointer<UInt8>? {
        guard let value = xmlTextReaderConstValue(reader) else { return nil }
        return UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value)))
    }

    var line: Int {
        Int(xmlTextReaderGetParserLineNumber(reader))
    }
}

/// Collects what libxml2 reports through the structured error handler, instead of stderr.
final class XMLErrorSink {
    private(set) var message: String?
    private(set) var line = 0
    private(set) var code: Int32 = 0
    private var haveFatal = false

    func record(_ error: xmlError) {
        let fatal = error.level == XML_ERR_FATAL
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, message == nil || (fatal && !haveFatal) else { return }
        haveFatal = fatal
        code = error.code
        line = Int(error.line)
        if let text = error.message {
            message = String(cString: text).trimmingASCIIWhitespace()
        } else {
            message = "libxml2 error \(error.code)"
        }
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
