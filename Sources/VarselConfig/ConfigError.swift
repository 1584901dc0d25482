/// Why a configuration or catalog file was rejected.
///
/// Every case names the file (as the operator passed it) and, where the file has one, the line
/// and the key path (`feeds[1].interval`; array indices are 0-based, so `feeds[1]` is the second
/// `[[feeds]]`), so `varselvakt check-config` and the daemon's start-up log say exactly what to
/// fix. In subscribers.toml the key names the subscriber instead of its index:
/// `subscriber "oslo": webhook.url` (by id, else by name, else `subscriber[3]`). `line` is nil only when the key's position could not be found in the text, which does not
/// happen for keys written as `key = value` lines or table headers.
public enum ConfigError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The file does not exist, is a directory, cannot be read, or is not UTF-8 text.
    case fileUnreadable(file: String, reason: String)
    /// The text is not valid TOML; line and column (1-based) are those toml++ reports.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// A key varselvakt does not know (usually a typo). `suggestion` is the closest known key,
    /// `allowed` every key valid in that table (empty when the typo was spotted while looking
    /// for a required key it resembles, e.g. `pth` for `path`).
    case unknownKey(file: String, line: Int?, key: String, suggestion: String?, allowed: [String])
    /// A value of the wrong TOML type, e.g. `interval = 60` where a duration string is expected.
    /// `expected` reads like `a duration like "60s"`, `found` like `integer 60`.
    case wrongType(file: String, line: Int?, key: String, expected: String, found: String)
    /// A value of the right type that is not acceptable (bad duration, URL scheme, out of range...).
    case invalidValue(file: String, line: Int?, key: String, problem: String)
    /// A required key or table is absent; `line` is the enclosing table's header when there is one.
    case missingKey(file: String, line: Int?, key: String, expected: String)
    /// A value that must be unique appears twice (feed names and URLs, catalog ids).
    /// `firstLine` is where it was first used.
    case duplicate(file: String, line: Int?, key: String, value: String, firstLine: Int?)
    /// An id that names no API in the catalog (a feed's `apis`, a service's `apis`).
    case unknownReference(file: String, line: Int?, key: String, value: String, suggestion: String?)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .fileUnreadable(let file, _), .syntax(let file, _, _, _), .unknownKey(let file, _, _, _, _),
            .wrongType(let file, _, _, _, _), .invalidValue(let file, _, _, _), .missingKey(let file, _, _, _),
            .duplicate(let file, _, _, _, _), .unknownReference(let file, _, _, _, _):
            file
        }
    }

    /// The 1-based line the error points at, if any.
    public var line: Int? {
        switch self {
        case .fileUnreadable: nil
        case .syntax(_, let line, _, _): line
        case .unknownKey(_, let line, _, _, _), .wrongType(_, let line, _, _, _), .invalidValue(_, let line, _, _),
            .missingKey(_, let line, _, _), .duplicate(_, let line, _, _, _), .unknownReference(_, let line, _, _, _):
            line
        }
    }

    /// The key path the error is about (`feeds[1].interval`), if any.
    public var key: String? {
        switch self {
        case .fileUnreadable, .syntax: nil
        case .unknownKey(_, _, let key, _, _), .wrongType(_, _, let key, _, _), .invalidValue(_, _, let key, _),
            .missingKey(_, _, let key, _), .duplicate(_, _, let key, _, _), .unknownReference(_, _, let key, _, _):
            key
        }
    }

    /// One log line: `varselvakt.toml:7: feeds[1].interval: expected a duration like "60s", found integer 60`.
    public var description: String {
        switch self {
        case .fileUnreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .syntax(let file, let line, let column, let message):
            return "\(file):\(line):\(column): TOML syntax error: \(message)"
        case .unknownKey(_, _, let key, let suggestion, let allowed):
            var text = "unknown key"
            if let suggestion { text += "; did you mean \"\(suggestion)\"?" }
            if !allowed.isEmpty { text += " (allowed here: \(allowed.joined(separator: ", ")))" }
            return prefix(key) + text
        case .wrongType(_, _, let key, let expected, let found):
            return prefix(key) + "expected \(expected), found \(found)"
        case .invalidValue(_, _, let key, let problem):
            return prefix(key) + problem
        case .missingKey(_, _, let key, let expected):
            return prefix(key) + "missing; expected \(expected)"
        case .duplicate(_, _, let key, let value, let firstLine):
            let first = firstLine.map { " (first used on line \($0))" } ?? ""
            return prefix(key) + "\"\(value)\" is used more than once\(first); it must be unique"
        case .unknownReference(_, _, let key, let value, let suggestion):
            let hint = suggestion.map { "; did you mean \"\($0)\"?" } ?? ""
            return prefix(key) + "\"\(value)\" is not an API id in the catalog\(hint)"
        }
    }

    private func prefix(_ key: String) -> String {
        let location = line.map { "\(file):\($0)" } ?? file
        return key.isEmpty ? "\(location): " : "\(location): \(key): "
    }
}
