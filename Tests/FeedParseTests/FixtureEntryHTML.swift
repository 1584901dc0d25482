import CLibXML2
import Foundation
import TestSupport

/// The entry HTML of every real feed in the fixtures: the text of each Atom `content`/`summary`
/// and RSS `description`/`content:encoded`, read with libxml2's XML parser (not with FeedParse,
/// whose output is what is being checked), as the converter receives it.
enum FixtureEntryHTML {
    struct Fragment {
        /// `<file>#<n>`: the fixture and the fragment's position in it.
        var origin: String
        var html: String
    }

    /// Every fragment that contains markup or a character reference, from the feeds in
    /// ../shared/fixtures/feeds and the history feeds in ../shared/fixtures/statuspage.
    static let all: [Fragment] = {
        var files: [URL] = []
        for directory in [Fixtures.feeds, Fixtures.statuspage] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".xml") || name.hasSuffix(".atom") || name.hasSuffix(".rss") {
                files.append(directory.appendingPathComponent(name))
            }
        }
        return files.flatMap(fragments(in:))
    }()

    private static let htmlElements: Set<String> = ["content", "summary", "description", "encoded"]

    private static func fragments(in file: URL) -> [Fragment] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        let options = Int32(
            bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = data.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, options)
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        var result: [Fragment] = []
        var stack: [xmlNodePtr] = []
        if let root = xmlDocGetRootElement(document) { stack.append(root) }
        while let node = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = String(cString: node.pointee.name)
            var child = node.pointee.children
            var text = ""
            var children: [xmlNodePtr] = []
            while let current = child {
                children.append(current)
                if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                    let content = current.pointee.content
                {
                    text += String(cString: content)
                }
                child = current.pointee.next
            }
            if htmlElements.contains(name), text.contains("<") || text.contains("&") {
                result.append(Fragment(origin: "\(file.lastPathComponent)#\(result.count)", html: text))
            }
            stack.append(contentsOf: children.reversed())
        }
        return result
    }
}
