import Foundation

/// Finds a table header whose name does not start with a key character: `[é]`, `[[ ø ]]`,
/// `[` + a control character, or a `[` with nothing after it on the line.
///
/// Why: toml++ (inside TOMLKit 0.6.0) asserts on exactly that input (`parse_key`: "bare key
/// character or string delimiter") instead of reporting a syntax error, so
/// `varselvakt check-config` on such a file died with SIGABRT (found by fuzzing, see
/// RELIABILITY.md). A TOML key starts with an ASCII letter, digit, `-`, `_` or a quote, so such
/// a header is a syntax error anyway; it is caught before the text reaches toml++.
/// Lines inside multi-line strings are skipped. Not handled: a line of a multi-line array of
/// arrays that starts with `[` + a non-key character (no varselvakt file has arrays of
/// arrays); it is reported as a bad table name.
enum TableNameStart {
    /// The 1-based line and column of the offending character (or of the line's end), or nil.
    static func invalid(in text: String) -> (line: Int, column: Int)? {
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
            guard k < scalars.count, isKeyStart(scalars[k]) else { return (index + 1, k + 1) }
        }
        return nil
    }

    private static func isKeyStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", "\"", "'": true
        default: false
        }
    }
}
