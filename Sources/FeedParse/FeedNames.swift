import CLibXML2

/// Element, attribute and namespace names interned in one parser's dictionary. libxml2 hands out
/// element names from the same dictionary, so a name check is a pointer comparison.
struct FeedNames {
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCoreNamespace = "http://purl.org/dc/elements/1.1/"

    let atom, content, dublinCore: UnsafePointer<UInt8>
    // Atom
    let feed, entry, id, title, link, published, updated, category, summary: UnsafePointer<UInt8>
    let contentElement: UnsafePointer<UInt8>
    // RSS
    let rss, channel, item, guid, pubDate, description, encoded, date: UnsafePointer<UInt8>
    // Attributes
    let type, rel, href, term, label: UnsafePointer<UInt8>

    /// `intern` returns the dictionary's copy of a name (the reader's or the SAX context's dict).
    init(intern: (String) -> UnsafePointer<UInt8>) {
        atom = intern(Self.atomNamespace)
        content = intern(Self.contentNamespace)
        dublinCore = intern(Self.dublinCoreNamespace)
        feed = intern("feed")
        entry = intern("entry")
        id = intern("id")
        title = intern("title")
        link = intern("link")
        published = intern("published")
        updated = intern("updated")
        category = intern("category")
        summary = intern("summary")
        contentElement = intern("content")
        rss = intern("rss")
        channel = intern("channel")
        item = intern("item")
        guid = intern("guid")
        pubDate = intern("pubDate")
        description = intern("description")
        encoded = intern("encoded")
        date = intern("date")
        type = intern("type")
        rel = intern("rel")
        href = intern("href")
        term = intern("term")
        label = intern("label")
    }

    /// Whether namespace URI `href` (nil: no namespace) is `uri` (an interned pointer; equal
    /// strings also match: the reader's tree copies namespace URIs out of the dictionary).
    @inline(__always)
    static func namespace(_ href: UnsafePointer<UInt8>?, is uri: UnsafePointer<UInt8>) -> Bool {
        guard let href else { return false }
        return href == uri || xmlStrEqual(href, uri) == 1
    }
}

/// Which piece of an entry (or of the feed) a captured text belongs to.
enum FeedField {
    case feedTitle, id, title, link, published, updated, dcDate, category, summary, content
    case description, encoded

    var elementName: String {
        switch self {
        case .feedTitle, .title: "title"
        case .id: "id"
        case .link: "link"
        case .published: "published"
        case .updated: "updated"
        case .dcDate: "dc:date"
        case .category: "category"
        case .summary: "summary"
        case .content: "content"
        case .description: "description"
        case .encoded: "content:encoded"
        }
    }
}

/// How a text construct is written (Atom `type`; RSS descriptions are HTML).
enum TextMarkup {
    case text, html, xhtml

    init(atomType value: UnsafeBufferPointer<UInt8>?) {
        guard let value else {
            self = .text
            return
        }
        var start = 0
        var end = value.count
        while start < end, value[start] <= 0x20 { start += 1 }
        while end > start, value[end - 1] <= 0x20 { end -= 1 }
        func equals(_ name: StaticString) -> Bool {
            guard end - start == name.utf8CodeUnitCount else { return false }
            for offset in 0..<(end - start) {
                let b = value[start + offset]
                if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != name.utf8Start[offset] { return false }
            }
            return true
        }
        if equals("html") || equals("text/html") {
            self = .html
        } else if equals("xhtml") || equals("application/xhtml+xml") {
            self = .xhtml
        } else {
            self = .text
        }
    }
}
