import CLibXML2
import VarselModel

/// The fast path: libxml2's SAX2 push parser over the whole buffer, feeding the extractor straight
/// from its callbacks. No tree is built and nothing is copied per node: libxml2's share of the
/// 5,000-entry benchmark feed drops from ~27 ms (`xmlTextReader`) to ~13 ms.
///
/// It only ever finishes documents it is sure the reader would read the same way, and gives way
/// (`parse` returns nil, the caller runs `ReaderPass`) on anything else:
/// - any `<!DOCTYPE` (so this path never sees an entity declaration, an external DTD, a parameter
///   entity or an entity reference other than the five predefined ones: no XXE, no billion laughs);
/// - any error or warning from libxml2, so every error message and line comes from the reader;
/// - any error the extractor raises (field cap, not a feed ...), for the same reason;
/// - Atom `type="xhtml"` content (serialised by the reader's `innerXML`);
/// - nesting deeper than `maxDepth` or a text run longer than `maxTextRun` (the reader's tree
///   builder has its own caps there: 256 levels, 10,000,000-byte text nodes).
/// Same options as the reader (`XMLStreamReader.options`): no NOENT, no DTDLOAD, no HUGE.
enum SAXPass {
    static let maxDepth = 128
    static let maxTextRun = 1 << 20

    /// Everything the callbacks touch, reached through `xmlParserCtxt._private` (a raw pointer, so
    /// no exclusivity bookkeeping or reference counting per event).
    struct State {
        let context: UnsafeMutablePointer<xmlParserCtxt>
        var extractor: FeedExtractor
        var depth = 0
        var textRun = 0
        var gaveUp = false
        /// Attribute values with `&` in them, decoded.
        let scratch = ByteBuffer(capacity: 1024)

        /// Stops the parse; the reader will read the document instead.
        mutating func giveUp() {
            guard !gaveUp else { return }
            gaveUp = true
            xmlStopParser(context)
        }
    }

    /// The parsed feed, or nil when the reader must decide (see the type's documentation).
    ///
    /// Fed the way the reader feeds its own push parser (the first 4 bytes at creation, for
    /// encoding detection), but as one chunk: the same parser code path, minus the tree.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String, maxFieldBytes: Int) -> ParsedFeed? {
        _ = XMLStreamReader.initialised
        guard let base = bytes.baseAddress, bytes.count < Int(Int32.max) else { return nil }
        var handler = makeHandler()
        let head = bytes.count >= 4 ? 4 : 0
        let made = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            xmlCreatePushParserCtxt(&handler, nil, head > 0 ? chars : nil, Int32(head), nil)
        }
        guard let context = made else { return nil }
        defer {
            if let doc = context.pointee.myDoc {
                xmlFreeDoc(doc)
                context.pointee.myDoc = nil
            }
            xmlFreeParserCtxt(context)
        }
        let dict = context.pointee.dict
        let names = FeedNames(intern: { xmlDictLookup(dict, $0, -1) })
        let extractor = FeedExtractor(
            names: names, source: source, maxFieldBytes: maxFieldBytes,
            currentLine: { [context] in Int(context.pointee.input?.pointee.line ?? 0) })
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(context: context, extractor: extractor))
        defer {
            state.deinitialize(count: 1)
            state.deallocate()
        }
        context.pointee._private = UnsafeMutableRawPointer(state)
        _ = xmlCtxtUseOptions(context, XMLStreamReader.options)
        let rest = bytes.count - head
        _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            xmlParseChunk(context, chars + head, Int32(rest), 1)
        }
        context.pointee._private = nil
        guard !state.pointee.gaveUp, context.pointee.wellFormed == 1, state.pointee.depth == 0 else { return nil }
        return try? state.pointee.extractor.result()
    }

    /// The state behind a callback's context; nil (and the pass gives up) for any context but the
    /// document's own, such as one libxml2 makes to check an entity's replacement text.
    @inline(__always)
    private static func state(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<State>? {
        guard let ctx else { return nil }
        let context = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = context.pointee._private else { return nil }
        let state = raw.assumingMemoryBound(to: State.self)
        guard context == state.pointee.context else {
            state.pointee.giveUp()
            return nil
        }
        return state.pointee.gaveUp ? nil : state
    }

    // MARK: Events

    private static func startElement(
        _ state: UnsafeMutablePointer<State>,
        _ name: UnsafePointer<UInt8>?, _ prefix: UnsafePointer<UInt8>?, _ uri: UnsafePointer<UInt8>?,
        _ attributeCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) {
        let depth = state.pointee.depth
        guard depth < maxDepth else { return state.pointee.giveUp() }
        state.pointee.textRun = 0
        let element = SAXElement(state: state, values: attributes, count: Int(attributeCount))
        do {
            try state.pointee.extractor.start(
                name: name, namespace: uri, prefix: prefix, depth: depth,
                empty: false, attributes: element)
        } catch {
            return state.pointee.giveUp()
        }
        if state.pointee.extractor.needsReader { return state.pointee.giveUp() }
        state.pointee.depth = depth + 1
    }

    private static func endElement(_ state: UnsafeMutablePointer<State>) {
        state.pointee.textRun = 0
        state.pointee.depth -= 1
        state.pointee.extractor.end(depth: state.pointee.depth)
    }

    private static func characters(_ state: UnsafeMutablePointer<State>, _ text: UnsafePointer<UInt8>?, _ length: Int32) {
        guard let text, length > 0 else { return }
        state.pointee.textRun += Int(length)
        guard state.pointee.textRun <= maxTextRun else { return state.pointee.giveUp() }
        do {
            try state.pointee.extractor.text(UnsafeBufferPointer(start: text, count: Int(length)))
        } catch {
            state.pointee.giveUp()
        }
    }

    // MARK: The handler

    /// libxml2's SAX2 defaults (document start and end only), with the content callbacks routed
    /// here and every DTD callback turned into "give way to the reader".
    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        xmlSAXVersion(&handler, 2)
        handler.startElementNs = { ctx, name, prefix, uri, _, _, attributeCount, _, attributes in
            guard let state = SAXPass.state(ctx) else { return }
            SAXPass.startElement(state, name, prefix, uri, attributeCount, attributes)
        }
        handler.endElementNs = { ctx, _, _, _ in
            guard let state = SAXPass.state(ctx) else { return }
            SAXPass.endElement(state)
        }
        let characters: charactersSAXFunc = { ctx, text, length in
            guard let state = SAXPass.state(ctx) else { return }
            SAXPass.characters(state, text, length)
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        handler.startElement = nil
        handler.endElement = nil
        handler.comment = nil
        handler.processingInstruction = nil
        // No DTD on this path: a DOCTYPE (or anything that would need one) hands over to the reader.
        handler.internalSubset = { ctx, _, _, _ in SAXPass.state(ctx)?.pointee.giveUp() }
        handler.externalSubset = { ctx, _, _, _ in SAXPass.state(ctx)?.pointee.giveUp() }
        handler.entityDecl = { ctx, _, _, _, _, _ in SAXPass.state(ctx)?.pointee.giveUp() }
        handler.unparsedEntityDecl = { ctx, _, _, _, _ in SAXPass.state(ctx)?.pointee.giveUp() }
        handler.notationDecl = { ctx, _, _, _ in SAXPass.state(ctx)?.pointee.giveUp() }
        handler.attributeDecl = { ctx, _, _, _, _, _, tree in
            if let tree { xmlFreeEnumeration(tree) }
            SAXPass.state(ctx)?.pointee.giveUp()
        }
        handler.elementDecl = { ctx, _, _, _ in SAXPass.state(ctx)?.pointee.giveUp() }
        handler.reference = { ctx, _ in SAXPass.state(ctx)?.pointee.giveUp() }
        handler.getEntity = { _, name in xmlGetPredefinedEntity(name) }
        handler.getParameterEntity = nil
        handler.resolveEntity = nil
        handler.warning = nil
        handler.error = nil
        handler.fatalError = nil
        // Any error or warning at all: let the reader read it and report it in its words.
        // (Flag only: stopping the parser from inside its error path is not needed.)
        handler.serror = { ctx, _ in
            guard let ctx else { return }
            let context = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let raw = context.pointee._private else { return }
            raw.assumingMemoryBound(to: State.self).pointee.gaveUp = true
        }
        return handler
    }
}

/// The attributes of a SAX2 start tag: `count` groups of five pointers (local name, prefix, URI,
/// value start, value end).
struct SAXElement: ElementAttributes {
    let state: UnsafeMutablePointer<SAXPass.State>
    let values: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// Same value as the reader's: without entity substitution libxml2 hands SAX an `&` in an
    /// attribute as `&#38;` (the tree builder decodes it again); a DTD-free document can hold no
    /// other `&`, and if one shows up anyway the reader reads the document.
    func attribute(_ name: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let values else { return nil }
        for index in 0..<count {
            let base = values + index * 5
            guard base[1] == nil, let local = base[0], local == name || xmlStrEqual(local, name) == 1,
                let start = base[3], let end = base[4]
            else { continue }
            let value = UnsafeBufferPointer(start: start, count: end - start)
            guard value.contains(0x26) else { return value }
            return decoded(value)
        }
        return nil
    }

    private func decoded(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        let out = state.pointee.scratch
        out.removeAll()
        var i = 0
        while i < value.count {
            if value[i] == 0x26 {
                guard i + 4 < value.count, value[i + 1] == 0x23, value[i + 2] == 0x33, value[i + 3] == 0x38,
                    value[i + 4] == 0x3B
                else {
                    state.pointee.giveUp()
                    return nil
                }
                out.append(0x26)
                i += 5
            } else {
                out.append(value[i])
                i += 1
            }
        }
        return out.bytes
    }

    func innerXML() -> [UInt8]? { nil }
}
