import CLibXML2
import VarselModel

/// RSS 2.0: `rss/channel/title`, `rss/channel/item/{title,link,guid,pubDate,description,category}`
/// without a namespace, plus `content:encoded` and `dc:date`.
extension FeedExtractor {
    mutating func rssStart(
        _ name: UnsafePointer<UInt8>?, _ namespace: UnsafePointer<UInt8>?, depth: Int, empty: Bool
    ) throws(FeedParseError) {
        if draft != nil {
            guard depth == 3 else { return }
            if namespace == nil {
                if name == names.title {
                    try begin(.title, .text, depth: depth, empty: empty)
                } else if name == names.link {
                    try begin(.link, .text, depth: depth, empty: empty)
                } else if name == names.guid {
                    try begin(.id, .text, depth: depth, empty: empty)
                } else if name == names.pubDate {
                    try begin(.published, .text, depth: depth, empty: empty)
                } else if name == names.description {
                    try begin(.description, .html, depth: depth, empty: empty)
                } else if name == names.category {
                    try begin(.category, .text, depth: depth, empty: empty)
                }
            } else if name == names.encoded, FeedNames.namespace(namespace, is: names.content) {
                try begin(.encoded, .html, depth: depth, empty: empty)
            } else if name == names.date, FeedNames.namespace(namespace, is: names.dublinCore) {
                try begin(.dcDate, .text, depth: depth, empty: empty)
            }
        } else if depth == 1 {
            inChannel = name == names.channel && namespace == nil && !empty
        } else if depth == 2, inChannel, namespace == nil {
            if name == names.item {
                entryCount += 1
                draft = EntryDraft(position: entryCount)
                if empty { rssEnd(depth: depth) }
            } else if name == names.title {
                try begin(.feedTitle, .text, depth: depth, empty: empty)
            }
        }
    }

    mutating func rssEnd(depth: Int) {
        if depth == 1 { inChannel = false }
        guard depth == 2, let finished = draft else { return }
        draft = nil
        switch finished.finish(format: .rss) {
        case .entry(let entry): entries.append(entry)
        case .skipped(let skip): skipped.append(skip)
        }
    }
}
