import Foundation

/// Finds a table header whose name starts with a non-ASCII character (`[é]`, `[[ ø ]]`).
///
/// Why: toml++ (inside TOMLKit 0.6.0) asserts on exactly that input instead of reporting a
/// syntax error, so `varselvakt check-config` on such a file died with SIGABRT (found by
/// fuzzing, see RELIABILITY.md). TOML bare keys are ASCII letters, digits, `-` and `_`, so such
/// a header is a syntax error anyway; it is caught before the text reaches toml++.
/// Lines inside multi-line strings (`"""` / `'''`) are not headers and are skipped.
enum NonASCIITableName {
    /// The 1-based line and column of the offending character, or nil.
    static func find(in text: String) -> (line: Int, column: Int)? {
        var inMultilineString: Substring? = nil
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let startsInsideString = inMultilineString != nil
            for delimiter in ["\"\"\"", "'''"] where inMultilineString == nil || inMultilineString == Substring(delimiter) {
                if line.components(separatedBy: delimiter).count % 2 == 0 {
                    inMultilineString = inMultilineString == nil ? Substring(delimiter) : nil
                }
            }
            if startsInsideString { continue }
            let scalars = Array(line.unicodeScalars)
            var k = 0
            while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" { k += 1 }
            guard k < scalars.count, scalars[k] == "[" else { continue }
            k += 1
            if k < scalars.count, scalars[k] == "[" { k += 1 }
            while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" { k += 1 }
            if k < scalars.count, !scalars[k].isASCII { return (index + 1, k + 1) }
        }
        return nil
    }
}
