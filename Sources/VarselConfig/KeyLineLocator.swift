/// Finds the line on which each key, table header and array element of a TOML document is written.
///
/// TOMLKit 0.6.0 exposes no source positions for parsed nodes (toml++ has them, but TOMLKit's C
/// shim does not pass them on; only `TOMLParseError` carries a line and column). So this scans
/// the raw text, which TOMLKit has already accepted as valid TOML, and records a line for:
/// - table headers `[poll]`, `[a.b]` and array-table headers `[[feeds]]` (the n-th one is `feeds[n]`),
/// - `key = value` and dotted `a.b = value` lines, relative to the current table,
/// - the elements of an array value that spans lines (`apis = [\n "a",\n "b" ]` gives `apis[1]`).
///
/// It is not a TOML parser: it never produces values. It only tracks what it must to avoid
/// being fooled: strings (including multi-line ones, which may contain `[x]` or `k = v`),
/// comments and bracket depth. Keys inside inline tables are not recorded; `line(of:)` falls back
/// to the nearest recorded ancestor, which for a one-line inline table is the right line.
struct KeyLineLocator {
    private var lines: [ConfigKeyPath: Int] = [:]

    init(text: String) {
        var scanner = KeyLineScanner(bytes: Array(text.utf8))
        scanner.run()
        lines = scanner.lines
    }

    /// The line of `path`, or of its nearest ancestor that has one.
    func line(of path: ConfigKeyPath) -> Int? {
        var current: ConfigKeyPath? = path
        while let candidate = current {
            if let line = lines[candidate] { return line }
            current = candidate.parent
        }
        return nil
    }

    /// The line recorded for exactly this path, without falling back to an ancestor.
    func exactLine(of path: ConfigKeyPath) -> Int? {
        lines[path]
    }
}
