/// Remembers values that must be unique (feed names, catalog ids) and where each was first used.
struct UniqueValues {
    private var firstLines: [String: Int?] = [:]

    /// Records `value` (from `key` at `line`), or throws `duplicate` if it was seen before.
    mutating func insert(_ value: String, file: String, key: String, line: Int?) throws(ConfigError) {
        if let firstLine = firstLines[value] {
            throw .duplicate(file: file, line: line, key: key, value: value, firstLine: firstLine)
        }
        firstLines[value] = line
    }
}

/// Ids used in the config and catalog: lower-case letters, digits and '-', because they end up
/// in URLs, metric labels and file names.
enum ConfigID {
    static let rule = "use only a-z, 0-9 and '-'"

    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
