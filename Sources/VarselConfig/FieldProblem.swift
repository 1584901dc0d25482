import Foundation

/// A problem with one field of something being validated outside a `TableReader` (a subscriber,
/// a secret), where the same rules serve the TOML loader and the CSV import.
///
/// `path` is relative to the thing validated (`org_number`, `emails[1]`, `webhook.url`; empty for
/// the thing as a whole); each front end turns it into its own kind of report: `TableReader`
/// into a `ConfigError` with file, line and key, the CSV import into a row problem.
struct FieldProblem: Error, Hashable {
    var path: ConfigKeyPath
    /// One sentence without the field's name, e.g. `974760674 fails the mod-11 check`.
    var message: String

    init(_ path: ConfigKeyPath, _ message: String) {
        self.path = path
        self.message = message
    }

    init(_ key: String, _ message: String) {
        self.init(ConfigKeyPath([.key(key)]), message)
    }
}

extension TableReader {
    /// The `ConfigError` for a problem in this table: the line of the field (or of the nearest
    /// enclosing key or header that has one) and the key as this reader prints it.
    func error(for problem: FieldProblem) -> ConfigError {
        let full = ConfigKeyPath(path.components + problem.path.components)
        return .invalidValue(
            file: file, line: document.locator.line(of: full) ?? line, key: display(full), problem: problem.message)
    }
}

/// Text checks shared by the validators.
enum TextRules {
    /// Whether `text` contains a control character (a line break would split a log line, a mail
    /// header or a TOML line).
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// `text` as it may appear inside quotes in a message: control characters replaced, cut at
    /// 60 characters, so untrusted input cannot forge or flood a log line.
    static func shown(_ text: String) -> String {
        var cleaned = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.properties.generalCategory == .control ? "?" : scalar
                }))
        if cleaned.count > 60 { cleaned = String(cleaned.prefix(57)) + "..." }
        return cleaned.replacingOccurrences(of: "\"", with: "'")
    }

    static func isDigits(_ text: String, count: Int) -> Bool {
        text.count == count && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}
