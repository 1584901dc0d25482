/// A plain text table for the CLI's human output: columns padded to their widest cell,
/// long cells cut with an ellipsis so one row stays one line.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]] = []
    /// Widest a column may be, in characters, per column (missing: 60).
    public var maxWidths: [Int]

    public init(_ headers: [String], maxWidths: [Int] = []) {
        self.headers = headers
        self.maxWidths = maxWidths
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render() -> String {
        let all = [headers] + rows.map { row in row.enumerated().map { clip($1, to: width(of: $0)) } }
        var widths = Array(repeating: 0, count: headers.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private func width(of column: Int) -> Int { column < maxWidths.count ? maxWidths[column] : 60 }

    private func clip(_ cell: String, to maxWidth: Int) -> String {
        let flat = cell.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= maxWidth ? flat : String(flat.prefix(maxWidth - 1)) + "…"
    }
}
