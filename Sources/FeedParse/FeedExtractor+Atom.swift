import CLibXML2
import VarselModel

/// Atom 1.0: `feed/title`, `feed/entry/{id,title,link,published,updated,category,summary,content}`,
/// all in the Atom namespace; elements from other namespaces are ignored.
extension FeedExtractor {
    mutating func atomStart(_ node: UnsafeMutablePointer<xmlNode>, depth: Int, empty: Bool) throws(FeedParseError) {
        let name = node.pointee.name
        if draft != nil {
            guard depth == 2, FeedNames.node(node, isIn: names.atom) else { return }
            if name == names.id {
                try begin(.id, .text, depth: depth, empty: empty)
            } else if name == names.title {
                try begin(.title, markup(), depth: depth, empty: empty)
            } else if name == names.link {
                atomLink()
            } else if name == names.updated {
                try begin(.updated, .text, depth: depth, empty: empty)
            } else if name == names.published {
                try begin(.published, .text, depth: depth, empty: empty)
            } else if name == names.category {
                atomCategory()
            } else if name == names.summary {
                try begin(.summary, markup(), depth: depth, empty: empty)
            } else if name == names.contentElement {
                try begin(.content, markup(), depth: depth, empty: empty)
            }
        } else if depth == 1, FeedNames.node(node, isIn: names.atom) {
            if name == names.entry {
                entryCount += 1
                draft = EntryDraft(position: entryCount)
                if empty { atomEnd(depth: depth) }
            } else if name == names.title {
                try begin(.feedTitle, markup(), depth: depth, empty: empty)
            }
        }
    }

    mutating func atomEnd(depth: Int) {
        guard depth == 1, let finished = draft else { return }
        draft = nil
        switch finished.finish(format: .atom) {
        case .entry(let entry): entries.append(entry)
        case .skipped(let skip): skipped.append(skip)
        }
    }

    private func markup() -> TextMarkup {
        TextMarkup(atomType: reader.attribute(names.type))
    }

    /// The first link with `rel="alternate"` or no `rel`.
    private mutating func atomLink() {
        guard draft?.link == nil else { return }
        if let rel = reader.attribute(names.rel), !rel.elementsEqual("alternate".utf8) { return }
        guard let href = reader.attribute(names.href) else { return }
        buffer.removeAll()
        buffer.append(href)
        deliver(.link, .text)
    }

    /// `term`, or `label` when the term is missing or blank.
    private mutating func atomCategory() {
        buffer.removeAll()
        if let term = reader.attribute(names.term) { buffer.append(term) }
        if !buffer.bytes.contains(where: { $0 > 0x20 }), let label = reader.attribute(names.label) {
            buffer.removeAll()
            buffer.append(label)
        }
        deliver(.category, .text)
    }
}
