import TOMLKit

/// Reads one TOML table for a decoder and remembers which keys the decoder asked for, so that
/// `rejectUnknownKeys()` can report every other key as a typo, with its line and a suggestion.
///
/// Each section decoder (`StoreConfig+Decoding.swift`, ...) takes one of these; the typed
/// accessors (`string`, `int`, `duration`, `byteSize`, ...) turn a wrong TOML type into
/// `ConfigError.wrongType` naming the key path and its line. A reference type because sub-readers
/// and decoders share the "asked for" bookkeeping while it is being filled in.
final class TableReader {
    let table: TOMLTable
    /// Where this table sits in the document (`feeds[1]`).
    let path: ConfigKeyPath
    let document: TOMLDocument
    /// Every key a decoder asked for, present or not: the allowed keys of this table.
    private(set) var knownKeys: [String] = []
    /// When set, errors print paths under `label.root` as `label.name: rest` instead of the raw
    /// path, e.g. `subscriber "oslo": webhook.url` rather than `subscriber[3].webhook.url`:
    /// an operator with 300 subscribers looks for a name, not an index.
    let label: (root: ConfigKeyPath, name: String)?

    init(
        table: TOMLTable, path: ConfigKeyPath, document: TOMLDocument, label: (root: ConfigKeyPath, name: String)? = nil
    ) {
        self.table = table
        self.path = path
        self.document = document
        self.label = label
    }

    /// A fresh reader of the same table whose errors name it `name` (see `label`).
    func labelled(_ name: String) -> TableReader {
        TableReader(table: table, path: path, document: document, label: (path, name))
    }

    var file: String { document.file }

    /// The line of `key` in this table (or of this table's header when the key is absent).
    func line(of key: String) -> Int? {
        document.locator.line(of: path.appending(key))
    }

    /// The line of this table's header, if any.
    var line: Int? { document.locator.line(of: path) }

    /// The key path as errors print it.
    func keyPath(_ key: String) -> String { display(path.appending(key)) }

    /// How errors print `full`: its description, or `label.name: relative path` under a label.
    func display(_ full: ConfigKeyPath) -> String {
        guard let label, full.components.starts(with: label.root.components) else { return full.description }
        let relative = ConfigKeyPath(Array(full.components.dropFirst(label.root.components.count)))
        return relative.components.isEmpty ? label.name : "\(label.name): \(relative)"
    }

    /// The raw value at `key`, marking the key as known.
    func value(_ key: String) -> (any TOMLValueConvertible)? {
        if !knownKeys.contains(key) { knownKeys.append(key) }
        return table[key]
    }

    /// Whether the table contains `key` (marks it as known).
    func contains(_ key: String) -> Bool { value(key) != nil }

    /// Converts the value at `key` with `convert`; nil when absent, `wrongType` when `convert` fails.
    func typed<T>(_ key: String, expected: String, _ convert: (any TOMLValueConvertible) -> T?) throws(ConfigError) -> T? {
        guard let value = value(key) else { return nil }
        guard let converted = convert(value) else {
            throw wrongType(key, expected: expected, found: value)
        }
        return converted
    }

    /// Like `typed`, but a missing key is `missingKey`.
    func required<T>(_ key: String, expected: String, _ convert: (any TOMLValueConvertible) -> T?) throws(ConfigError) -> T {
        guard let value = try typed(key, expected: expected, convert) else {
            throw missing(key, expected: expected)
        }
        return value
    }

    // MARK: Errors

    func wrongType(_ key: String, expected: String, found: any TOMLValueConvertible) -> ConfigError {
        .wrongType(file: file, line: line(of: key), key: keyPath(key), expected: expected, found: Self.describe(found))
    }

    /// The error for a required key that is absent. When the table holds a key no decoder asked
    /// for that looks like a typo of it (`pth` for `path`), that typo is the better report.
    func missing(_ key: String, expected: String) -> ConfigError {
        let unread = table.keys.filter { !knownKeys.contains($0) }
        if let typo = KeySuggestion.closest(to: key, among: unread) {
            return .unknownKey(file: file, line: line(of: typo), key: keyPath(typo), suggestion: key, allowed: [])
        }
        return .missingKey(file: file, line: line, key: keyPath(key), expected: expected)
    }

    func invalid(_ key: String, _ problem: String) -> ConfigError {
        .invalidValue(file: file, line: line(of: key), key: keyPath(key), problem: problem)
    }

    /// Throws `unknownKey` for the first (by line) key no decoder asked for.
    func rejectUnknownKeys() throws(ConfigError) {
        let unknown = table.keys.filter { !knownKeys.contains($0) }
        let first = unknown.min { (line(of: $0) ?? .max, $0) < (line(of: $1) ?? .max, $1) }
        guard let key = first else { return }
        throw .unknownKey(
            file: file, line: line(of: key), key: keyPath(key),
            suggestion: KeySuggestion.closest(to: key, among: knownKeys), allowed: knownKeys)
    }

    /// How a found value reads in an error: `integer 60`, `string "5 minutes"`, `a table`.
    static func describe(_ value: any TOMLValueConvertible) -> String {
        switch value.type {
        case .string:
            let text = value.string ?? ""
            let shown = text.count > 60 ? String(text.prefix(57)) + "..." : text
            return "string \"\(shown)\""
        case .int: return "integer \(value.int.map(String.init) ?? "?")"
        case .double: return "floating-point number \(value.double.map { "\($0)" } ?? "?")"
        case .bool: return "boolean \(value.bool.map { "\($0)" } ?? "?")"
        case .table: return "a table"
        case .array: return "an array"
        case .date, .time, .dateTime: return "\(value.type) \(value.debugDescription)"
        }
    }
}
