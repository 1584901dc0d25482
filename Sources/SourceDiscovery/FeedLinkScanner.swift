import CLibXML2
import VarselModel

/// A feed a page announces with `<link rel="alternate" type="application/atom+xml" href="...">`.
struct FeedLink: Sendable, Hashable {
    var url: String
    var format: FeedFormat
}

/// Finds the feed links of an HTML page with libxml2's HTML parser (which recovers from the
/// tag soup real pages are), never trusting what it finds:
/// - only `<link>` elements whose `rel` has the token `alternate` and whose `type` is Atom or RSS;
/// - at most ``maxLinks`` of them are considered, in document order, whatever the page holds;
/// - each `href` is cleaned as a browser would (tabs and newlines removed, ends trimmed, spaces
///   and non-ASCII percent-encoded; other control characters reject it), resolved against the
///   page's URL, and kept only for http or https, or file when the page itself is a file:
///   a remote page must not point varselvakt at a local file.
enum FeedLinkScanner {
    static let maxLinks = 10

    /// The page's feed links (Atom first, then RSS, each in document order, no duplicates) and
    /// how many candidates were ignored for their scheme or characters.
    struct Scan: Sendable, Hashable {
        var links: [FeedLink]
        var ignored: Int
    }

    /// libxml2's global set-up, once per process (not safe to race on first use).
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Whether `bytes` look like an HTML page: an `<html` or `<!doctype html` among the first KB.
    static func looksLikeHTML(_ bytes: [UInt8], contentType: String?) -> Bool {
        if let contentType, contentType.lowercased().contains("text/html") { return true }
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html")
    }

    static func scan(_ bytes: [UInt8], pageURL: String) -> Scan {
        _ = initialised
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return Scan(links: [], ignored: 0) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                vv_htmlReadLenient(chars.baseAddress, Int32(chars.count), nil)
            }
        }
        guard let document else { return Scan(links: [], ignored: 0) }
        defer { xmlFreeDoc(document) }

        var candidates: [(href: String, format: FeedFormat)] = []
        // Iterative walk: a hostile page can nest deeper than our stack should go.
        var stack: [xmlNodePtr] = []
        if let root = xmlDocGetRootElement(document) { stack.append(root) }
        while let node = stack.popLast(), candidates.count < maxLinks {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            if name(of: node) == "link", let candidate = feedLink(node) { candidates.append(candidate) }
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                children.append(current)
                child = current.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }

        let pageIsFile = SiteURL.scheme(of: pageURL) == "file"
        var links: [FeedLink] = []
        var ignored = 0
        for candidate in candidates {
            guard let cleaned = cleanedHref(candidate.href), let url = resolve(cleaned, against: pageURL),
                let scheme = SiteURL.scheme(of: url),
                scheme == "http" || scheme == "https" || (scheme == "file" && pageIsFile)
            else {
                ignored += 1
                continue
            }
            let link = FeedLink(url: url, format: candidate.format)
            if !links.contains(link) { links.append(link) }
        }
        let ordered = links.filter { $0.format == .atom } + links.filter { $0.format == .rss }
        return Scan(links: ordered, ignored: ignored)
    }

    /// The link's href and format if it is an alternate Atom or RSS link.
    private static func feedLink(_ node: xmlNodePtr) -> (href: String, format: FeedFormat)? {
        guard let rel = attribute(node, "rel"),
            rel.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
                .contains("alternate"),
            let type = attribute(node, "type"), let href = attribute(node, "href")
        else { return nil }
        let mediaType = type.lowercased().split(separator: ";").first.map { String($0).trimmingWhitespace() } ?? ""
        switch mediaType {
        case "application/atom+xml": return (href, .atom)
        case "application/rss+xml": return (href, .rss)
        default: return nil
        }
    }

    /// As browsers read an href: tab, LF and CR removed, leading and trailing spaces and control
    /// characters trimmed, spaces and non-ASCII percent-encoded (UTF-8). Nil if empty or if
    /// another control character is left inside.
    static func cleanedHref(_ href: String) -> String? {
        var bytes = Array(href.utf8.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        while let first = bytes.first, first <= 0x20 { bytes.removeFirst() }
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        guard !bytes.isEmpty, !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        var out = ""
        for byte in bytes {
            if byte == 0x20 || byte > 0x7E {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    /// `href` resolved against `base` (RFC 3986, libxml2's `xmlBuildURI`).
    private static func resolve(_ href: String, against base: String) -> String? {
        href.withCString { hrefChars in
            base.withCString { baseChars in
                hrefChars.withMemoryRebound(to: xmlChar.self, capacity: href.utf8.count + 1) { hrefPointer in
                    baseChars.withMemoryRebound(to: xmlChar.self, capacity: base.utf8.count + 1) { basePointer in
                        guard let built = xmlBuildURI(hrefPointer, basePointer) else { return nil }
                        defer { vv_xmlFree(built) }
                        return String(cString: built)
                    }
                }
            }
        }
    }

    private static func name(of node: xmlNodePtr) -> String? {
        node.pointee.name.map { String(cString: $0).lowercased() }
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        name.withCString { chars in
            chars.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { pointer in
                guard let value = xmlGetProp(node, pointer) else { return nil }
                defer { vv_xmlFree(value) }
                return String(cString: value)
            }
        }
    }
}
