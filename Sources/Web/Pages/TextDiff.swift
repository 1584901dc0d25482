import Foundation

/// A line diff of two versions of a notice for the notice page: which lines went, which came.
///
/// Compose has one for e-mails (internal to it, and trimmed to context lines); the page shows
/// the whole text, so this one keeps every line. Longest common subsequence over trimmed,
/// non-empty lines; past `maxCells` line pairs it falls back to "all removed, all added".
enum TextDiff {
    enum Mark: String, Sendable { case same, removed, added }

    struct Line: Sendable, Equatable {
        var mark: Mark
        var text: String
    }

    static let maxCells = 250_000

    static func diff(old: String, new: String) -> [Line] {
        let a = lines(old), b = lines(new)
        if a.count * b.count > maxCells {
            return a.map { Line(mark: .removed, text: $0) } + b.map { Line(mark: .added, text: $0) }
        }
        // table[i][j]: length of the LCS of a[i...] and b[j...].
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append(Line(mark: .same, text: a[i]))
                i += 1
                j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                result.append(Line(mark: .removed, text: a[i]))
                i += 1
            } else {
                result.append(Line(mark: .added, text: b[j]))
                j += 1
            }
        }
        result += a[i...].map { Line(mark: .removed, text: $0) }
        result += b[j...].map { Line(mark: .added, text: $0) }
        return result
    }

    /// Non-empty lines, trimmed: blank-line and indentation noise is not a change worth showing.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
