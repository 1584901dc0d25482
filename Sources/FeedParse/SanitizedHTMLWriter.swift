/// Writes the sanitized HTML: allow-listed elements only, always balanced, every text byte and
/// attribute value escaped. Because the output is produced here (never copied from the input),
/// nothing the input smuggles in — an unclosed comment, an attribute with a quote in it — can
/// reach the output as markup.
struct SanitizedHTMLWriter {
    let bytes = ByteBuffer()
    /// Open emitted elements: the source tag (to match end tags) — the output name follows from it.
    private var open: [HTMLTag] = []
    /// The tags in `open` (a superset after pops; exact enough to skip most scans).
    private var openSet = HTMLTagSet()

    /// Deeper elements are unwrapped instead of emitted. Bounds every scan of `open`, so hostile
    /// nesting (200,000 `<div>`s) costs linear time, not quadratic.
    static let maxDepth = 256

    init() {
        open.reserveCapacity(Self.maxDepth)
    }

    mutating func reset() {
        bytes.removeAll()
        open.removeAll(keepingCapacity: true)
        openSet = HTMLTagSet()
    }

    var string: String { bytes.string }

    /// Closes everything still open (end of the fragment).
    mutating func finish() {
        while let tag = open.popLast() { writeEnd(tag) }
        openSet = HTMLTagSet()
    }

    /// Text, escaped. Drops zero-width spaces and control characters, except the ones the plain
    /// text reads as whitespace: tab and newlines are kept, form feed and vertical tab become a
    /// space (dropped, they ran two words together in the mail that the text kept apart).
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress else { return }
        let n = text.count
        var i = 0
        var runStart = 0
        while i < n {
            let b = base[i]
            if b >= 0x20 && b < 0x7F && b != 0x26 && b != 0x3C && b != 0x3E {
                i += 1
                continue
            }
            if b >= 0x80 {
                let end = min(i + UTF8Scan.sequenceLength(b), n)
                if UTF8Scan.classify(base, i, end) == .invisible {
                    bytes.append(base + runStart, count: i - runStart)
                    runStart = end
                }
                i = end
                continue
            }
            bytes.append(base + runStart, count: i - runStart)
            switch b {
            case 0x26: append(literal: "&amp;")
            case 0x3C: append(literal: "&lt;")
            case 0x3E: append(literal: "&gt;")
            case 0x09, 0x0A, 0x0D: bytes.append(b)
            case 0x0B, 0x0C: bytes.append(0x20)
            default: break  // other control characters
            }
            i += 1
            runStart = i
        }
        bytes.append(base + runStart, count: n - runStart)
    }

    mutating func append(scalar: UInt32) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4) { buffer in
            let count = UTF8Scan.encode(scalar, into: buffer.baseAddress!)
            append(UnsafeBufferPointer(start: buffer.baseAddress!, count: count))
        }
    }

    /// Opens an allow-listed element, first closing what HTML would close implicitly
    /// (`<p>` inside `<p>`, a new `<li>`, `<tr>`, `<td>` ...). `href`/`title` only for `a`.
    mutating func start(
        _ tag: HTMLTag, href: UnsafeBufferPointer<UInt8>? = nil, title: UnsafeBufferPointer<UInt8>? = nil
    ) {
        switch tag {
        case .li: close(anyOf: [.li], stoppingAt: [.ul, .ol, .table])
        case .dt, .dd: close(anyOf: [.dt, .dd], stoppingAt: [.dl, .table])
        case .tr: close(anyOf: [.tr], stoppingAt: [.table])
        case .td, .th: close(anyOf: [.td, .th], stoppingAt: [.tr, .table])
        case .thead, .tbody, .tfoot: close(anyOf: [.thead, .tbody, .tfoot], stoppingAt: [.table])
        case .a: close(anyOf: [.a], stoppingAt: [])
        default: break
        }
        if tag.closesParagraph, openSet.contains(.p) {
            close(anyOf: [.p], stoppingAt: [.table, .td, .th, .caption])
        }
        if !tag.isVoid, open.count >= Self.maxDepth { return }
        bytes.append(0x3C)
        append(literal: tag.outputName)
        if let href {
            append(literal: " href=\"")
            appendAttribute(href)
            bytes.append(0x22)
        }
        if let title {
            append(literal: " title=\"")
            appendAttribute(title)
            bytes.append(0x22)
        }
        bytes.append(0x3E)
        if !tag.isVoid {
            open.append(tag)
            openSet.insert(tag)
        }
    }

    /// Whether an element `tag` is open.
    func isOpen(_ tag: HTMLTag) -> Bool { openSet.contains(tag) }

    /// Closes the nearest open element `tag` (and everything opened inside it); ignores stray ends.
    mutating func end(_ tag: HTMLTag) {
        guard let index = open.lastIndex(of: tag) else { return }
        while open.count > index { writeEnd(open.removeLast()) }
    }

    private mutating func close(anyOf tags: HTMLTagSet, stoppingAt boundaries: HTMLTagSet) {
        guard !openSet.isDisjoint(with: tags) else { return }
        var index = open.count - 1
        while index >= 0 {
            let tag = open[index]
            if tags.contains(tag) {
                while open.count > index { writeEnd(open.removeLast()) }
                return
            }
            if boundaries.contains(tag) { return }
            index -= 1
        }
    }

    private mutating func writeEnd(_ tag: HTMLTag) {
        bytes.append(0x3C)
        bytes.append(0x2F)
        append(literal: tag.outputName)
        bytes.append(0x3E)
    }

    private mutating func appendAttribute(_ value: UnsafeBufferPointer<UInt8>) {
        for b in value {
            switch b {
            case 0x26: append(literal: "&amp;")
            case 0x3C: append(literal: "&lt;")
            case 0x3E: append(literal: "&gt;")
            case 0x22: append(literal: "&quot;")
            case 0x27: append(literal: "&#39;")
            default: if b >= 0x20 { bytes.append(b) }
            }
        }
    }

    @inline(__always)
    private func append(literal: StaticString) {
        bytes.append(literal)
    }
}
