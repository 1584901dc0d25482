import Foundation

/// RFC 4180 CSV for the exports, safe to open in a spreadsheet.
///
/// A cell is quoted when it holds a comma, quote or line break (quotes doubled). A cell that
/// begins with `=`, `+`, `-`, `@` (or a tab or carriage return) gets a leading `'`: notice text
/// comes from outside, and a spreadsheet would otherwise run `=HYPERLINK(…)` as a formula.
struct CSVWriter: Sendable {
    private(set) var text = ""

    init(header: [String]) {
        row(header)
    }

    mutating func row(_ cells: [String]) {
        text += cells.map(Self.cell).joined(separator: ",") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
