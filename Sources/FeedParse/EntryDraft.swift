import Foundation
import VarselModel

/// What has been read of one entry/item so far.
struct EntryDraft {
    var position: Int
    /// Atom `id` or RSS `guid`.
    var id: String?
    var title: String?
    var link: String?
    var published: Date?
    var updated: Date?
    var dcDate: Date?
    var categories: [String] = []
    var summaryText = ""
    var content: (text: String, html: String)?
    var description: (text: String, html: String)?
    var encoded: (text: String, html: String)?

    enum Outcome {
        case entry(FeedEntry)
        case skipped(SkippedEntry)
    }

    init(position: Int) {
        self.position = position
    }

    /// The finished entry, or why it cannot be kept.
    ///
    /// Atom: id, else the alternate link. RSS: guid, else link; `published` is `pubDate`, else
    /// `dc:date`; content is `content:encoded` when present (the `description` then becomes the
    /// summary), else the `description`, and `summaryText` stays empty.
    func finish(format: FeedFormat) -> Outcome {
        guard let identity = id ?? link else {
            return .skipped(SkippedEntry(position: position, title: title, reason: "entry has no id and no link"))
        }
        switch format {
        case .atom:
            return .entry(
                FeedEntry(
                    id: identity, title: title ?? "", link: link, published: published, updated: updated,
                    categories: categories, summaryText: summaryText,
                    contentText: content?.text ?? "", contentHTML: content?.html ?? ""))
        case .rss:
            let body = encoded ?? description
            return .entry(
                FeedEntry(
                    id: identity, title: title ?? "", link: link, published: published ?? dcDate, updated: nil,
                    categories: categories, summaryText: encoded != nil ? description?.text ?? "" : "",
                    contentText: body?.text ?? "", contentHTML: body?.html ?? ""))
        }
    }
}
