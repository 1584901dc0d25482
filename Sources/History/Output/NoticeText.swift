import Foundation
public import NoticeStore
import VarselModel

/// The human view of one notice for `varselvakt notice ID`: what it is now, every version with
/// what changed from the one before, and every recorded change.
public enum NoticeText {
    public static func render(_ detail: NoticeDetail) -> String {
        let n = detail.notice
        let e = n.entry
        let c = n.classification
        var lines: [String] = []
        lines.append(e.title)
        lines.append(String(repeating: "=", count: min(e.title.count, 78)))
        lines.append("id:          \(n.id)")
        if e.id != n.id.rawValue { lines.append("feed id now: \(e.id)") }
        if !n.aliases.isEmpty { lines.append("aliases:     \(n.aliases.joined(separator: ", "))") }
        lines.append("feed:        \(n.feedID)")
        if let link = e.link { lines.append("link:        \(link)") }
        lines.append("kind:        \(c.kind.rawValue)")
        lines.append("apis:        \(c.apis.isEmpty ? "-" : c.apis.joined(separator: ", ")) (scope: \(c.scope.rawValue))")
        if let w = c.maintenanceWindow {
            lines.append("window:      \(OutputDate.iso(w.start)) – \(w.end.map(OutputDate.iso) ?? "(no end given)")")
        } else if let why = c.unparsedWindow {
            lines.append("window:      could not be read (\(why))")
        }
        if let cancels = c.cancels {
            lines.append(
                "cancels:     \(cancels)" + (n.cancelsNoticeID.map { " (notice \($0))" } ?? " (no stored notice has that title)"))
        }
        lines.append("status:      \(n.status.rawValue)")
        lines.append("published:   \(e.published.map(OutputDate.iso) ?? "-")")
        lines.append("updated:     \(e.updated.map(OutputDate.iso) ?? "-")")
        lines.append("first seen:  \(OutputDate.iso(n.firstSeenAt))")
        if !e.categories.isEmpty { lines.append("categories:  \(e.categories.joined(separator: ", "))") }
        lines.append("")
        lines.append(e.contentText.isEmpty ? e.summaryText : e.contentText)
        lines.append("")
        lines.append("Versions (\(detail.versions.count)):")
        var previous: NoticeVersion?
        for v in detail.versions {
            lines.append("  #\(v.seq) seen \(OutputDate.iso(v.seenAt))  \(v.entry.title)")
            if let previous {
                let diff = TextDiff.lines(
                    from: previous.entry.title + "\n" + previous.entry.contentText, to: v.entry.title + "\n" + v.entry.contentText
                )
                if diff.isEmpty {
                    lines.append("     (same text; markup, dates, link or categories differ)")
                } else {
                    lines += diff.map { "     " + $0 }
                }
            }
            previous = v
        }
        lines.append("")
        lines.append("Changes (\(detail.changes.count)):")
        for change in detail.changes {
            lines.append(
                "  \(OutputDate.iso(change.at))  \(change.change.rawValue)\(change.change.isAlerting ? "" : " (not alerted)")")
        }
        return lines.joined(separator: "\n")
    }
}

/// A line diff of two texts, `- old` / `+ new`, using the standard library's `difference(from:)`.
public enum TextDiff {
    public static func lines(from old: String, to new: String) -> [String] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        for change in b.difference(from: a) {
            switch change {
            case .remove(_, let line, _): out.append("- " + line)
            case .insert(_, let line, _): out.append("+ " + line)
            }
        }
        return out
    }
}
