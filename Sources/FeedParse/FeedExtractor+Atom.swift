import CLibXML2
import VarselModel

/// Atom 1.0: `feed/title`, `feed/entry/{id,title,link,published,updated,category,summary,content}`,
/// all in the Atom namespace; elements from other namespaces are ignored.
extension FeedExtractor {
    mutating func atomStart<A: ElementAttributes>(
        _ name: UnsafePointer<UInt8>?, _ namespace: UnsafePointer<UInt8>?, depth: Int, empty: Bool, _ attributes: A
    ) throws(FeedParseError) {
        if draft != nil {
            guard depth == 2, FeedNames.namespace(namespace, is: names.atom) else { return }
            if name == names.id {
                try begin(.id, .text, depth: depth, empty: empty)
            } else if name == names.title {
                try begin(.title, markup(attributes), depth: depth, empty: empty, attributes)
            } else if name == names.link {
                atomLink(attributes)
            } else if name == names.updated {
                try begin(.updated, .text, depth: depth, empty: empty)
            } else if name == names.published {
                try begin(.published, .text, depth: depth, empty: empty)
            } else if name == names.category {
                atomCategory(attributes)
            } else if name == names.summary {
                try begin(.summary, markup(attributes), depth: depth, empty: empty, attributes)
            } else if name == names.contentElement {
                try begin(.content, markup(attributes), depth: depth, empty: empty, attributes)
            }
        } else if depth == 1, FeedNames.namespace(namespace, is: names.atom) {
            if name == names.entry {
                entryCount += 1
                draft = EntryDraft(position: entryCount)
                if empty { atomEnd(depth: depth) }
            } else if name == names.title {
                try begin(.feedTitle, markup(attributes), depth: depth, empty: empty, attributes)
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

    private func markup<A: ElementAttributes>(_ attributes: A) -> TextMarkup {
        TextMarkup(atomType: attributes.attribute(names.type))
    }

    /// The first link with `rel="alternate"` or no `rel`.
    private mutating func atomLink<A: ElementAttributes>(_ attributes: A) {
        guard draft?.link == nil else { return }
        if let rel = attributes.attribute(names.rel), !rel.elementsEqual("alternate".utf8) { return }
        guard let href = attributes.attribute(names.href) else { return }
        buffer.removeAll()
        buffer.append(href)
        deliver(.link, .text)
    }

    /// `term`, or `label` when the term is missing or blank.
    private mutating func atomCategory<A: ElementAttributes>(_ attributes: A) {
        buffer.removeAll()
        if let term = attributes.attribute(names.term) { buffer.append(term) }
        if !buffer.bytes.contains(where: { $0 > 0x20 }), let label = attributes.attribute(names.label) {
            buffer.removeAll()
            buffer.append(label)
        }
        deliver(.category, .text)
    }
}
