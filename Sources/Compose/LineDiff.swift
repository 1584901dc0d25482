/// A line diff of two notice texts, small enough to read in an e-mail: changed lines with one
/// line of context around each change, and a gap marker where unchanged lines were left out.
///
/// Longest common subsequence over lines. Notices are short (tens of lines); above
/// `maxCells` line pairs the table would cost too much, so the diff degrades to "all old
/// lines removed, all new lines added", which is still correct, only less tidy.
enum LineDiff {
    enum Mark: Sendable, Equatable { case same, removed, added, gap }

    struct Line: Sendable, Equatable {
        var mark: Mark
        var text: String
    }

    static let maxCells = 250_000

    static func diff(old: String, new: String, context: Int = 1) -> [Line] {
        let a = lines(old)
        let b = lines(new)
        let full = a.count * b.count > maxCells ? naive(a, b) : lcs(a, b)
        return trim(full, context: context)
    }

    /// Non-empty lines with surrounding whitespace removed: blank-line and indentation noise
    /// is not a change worth showing.
    /// Splits on the UTF-8 bytes of LF and CR (not on `Character`s: grapheme breaking costs
    /// more than the rest of the diff), trimming ASCII spaces and tabs.
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        func take(_ end: String.Index) {
            var lower = start, upper = end
            while lower < upper, utf8[lower] == 0x20 || utf8[lower] == 0x09 { lower = utf8.index(after: lower) }
            while upper > lower {
                let before = utf8.index(before: upper)
                guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
                upper = before
            }
            if lower < upper { lines.append(text[lower..<upper]) }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                take(index)
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        take(utf8.endIndex)
        return lines
    }

    private static func naive(_ a: [Substring], _ b: [Substring]) -> [Line] {
        a.map { Line(mark: .removed, text: String($0)) } + b.map { Line(mark: .added, text: String($0)) }
    }

    private static func lcs(_ a: [Substring], _ b: [Substring]) -> [Line] {
        let n = a.count, m = b.count
        let width = m + 1
        // lengths[i * width + j] = LCS length of a[i...] and b[j...]
        var lengths = [Int32](repeating: 0, count: (n + 1) * width)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i * width + j] =
                        a[i] == b[j]
                        ? lengths[(i + 1) * width + j + 1] + 1
                        : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
                }
            }
        }
        var out: [Line] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                out.append(Line(mark: .same, text: String(a[i])))
                i += 1
                j += 1
            } else if j < m, i == n || lengths[i * width + j + 1] >= lengths[(i + 1) * width + j] {
                out.append(Line(mark: .added, text: String(b[j])))
                j += 1
            } else {
                out.append(Line(mark: .removed, text: String(a[i])))
                i += 1
            }
        }
        // Show removals before additions within a run of changes: "old, then new" reads best.
        return groupRuns(out)
    }

    private static func groupRuns(_ lines: [Line]) -> [Line] {
        var out: [Line] = []
        var removed: [Line] = [], added: [Line] = []
        func flush() {
            out += removed
            out += added
            removed.removeAll()
            added.removeAll()
        }
        for line in lines {
            switch line.mark {
            case .removed: removed.append(line)
            case .added: added.append(line)
            default:
                flush()
                out.append(line)
            }
        }
        flush()
        return out
    }

    /// Keeps `context` unchanged lines around each change; longer unchanged runs become one gap.
    private static func trim(_ lines: [Line], context: Int) -> [Line] {
        let changed = lines.indices.filter { lines[$0].mark != .same }
        guard !changed.isEmpty else { return [] }
        var keep = [Bool](repeating: false, count: lines.count)
        for index in changed {
            for k in max(0, index - context)...min(lines.count - 1, index + context) { keep[k] = true }
        }
        var out: [Line] = []
        var skipped = false
        for (index, line) in lines.enumerated() {
            if keep[index] {
                if skipped { out.append(Line(mark: .gap, text: "…")) }
                skipped = false
                out.append(line)
            } else {
                skipped = true
            }
        }
        if skipped { out.append(Line(mark: .gap, text: "…")) }
        return out
    }
}
