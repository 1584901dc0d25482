import TOMLKit

/// The typed accessors section decoders use. Each returns nil when the key is absent and throws
/// `wrongType` / `invalidValue` (with the key's line) when it is present but unusable.
extension TableReader {
    func string(_ key: String) throws(ConfigError) -> String? {
        try typed(key, expected: "a string") { $0.string }
    }

    /// A string that must not be empty or only whitespace.
    func nonEmptyString(_ key: String) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else { throw invalid(key, "must not be empty") }
        return text
    }

    func requiredNonEmptyString(_ key: String, expected: String = "a string") throws(ConfigError) -> String {
        guard let text = try nonEmptyString(key) else {
            throw missing(key, expected: expected)
        }
        return text
    }

    func bool(_ key: String) throws(ConfigError) -> Bool? {
        try typed(key, expected: "true or false") { $0.bool }
    }

    /// An integer within `range` (inclusive bounds are named in the error).
    func int(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let number = try typed(key, expected: "an integer", { $0.int }) else { return nil }
        guard range.contains(number) else {
            throw invalid(key, "\(number) is out of range; allowed \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    /// An array of strings. An element of another type is `wrongType` naming `key[i]`.
    func stringArray(_ key: String) throws(ConfigError) -> [String]? {
        guard let array = try typed(key, expected: "an array of strings", { $0.array }) else { return nil }
        var strings: [String] = []
        for (position, element) in array.enumerated() {
            guard let text = element.string else {
                let elementPath = path.appending(key).appending(index: position)
                throw .wrongType(
                    file: file, line: document.locator.line(of: elementPath), key: display(elementPath),
                    expected: "a string", found: Self.describe(element))
            }
            strings.append(text)
        }
        return strings
    }

    /// The line of element `position` of the array at `key` (its own line when the array spans lines).
    func line(of key: String, element position: Int) -> Int? {
        document.locator.line(of: path.appending(key).appending(index: position))
    }

    /// A duration string such as "90s", "5m", "1h30m", "500ms".
    func duration(_ key: String, atLeast minimum: Duration = .zero) throws(ConfigError) -> Duration? {
        guard let text = try typed(key, expected: DurationSyntax.expected, { $0.string }) else { return nil }
        guard let duration = DurationSyntax.parse(text) else {
            throw invalid(key, "\"\(text)\" is not a duration; \(DurationSyntax.hint)")
        }
        guard duration >= minimum else {
            throw invalid(key, "\"\(text)\" is too short; the minimum is \(DurationSyntax.format(minimum))")
        }
        return duration
    }

    /// A size: an integer number of bytes or a string such as "512KiB", "5MiB".
    func byteSize(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let value = value(key) else { return nil }
        let bytes: Int
        if let number = value.int {
            bytes = number
        } else if let text = value.string {
            guard let parsed = ByteSizeSyntax.parse(text) else {
                throw invalid(key, "\"\(text)\" is not a size; \(ByteSizeSyntax.hint)")
            }
            bytes = parsed
        } else {
            throw wrongType(key, expected: ByteSizeSyntax.expected, found: value)
        }
        guard range.contains(bytes) else {
            throw invalid(
                key,
                "\(ByteSizeSyntax.format(bytes)) is out of range; allowed "
                    + "\(ByteSizeSyntax.format(range.lowerBound))...\(ByteSizeSyntax.format(range.upperBound))")
        }
        return bytes
    }

    /// One of a fixed set of words, e.g. a log level.
    func word<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws(ConfigError) -> T?
    where T.RawValue == String {
        let choices = T.allCases.map(\.rawValue)
        let expected = "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let text = try typed(key, expected: expected, { $0.string }) else { return nil }
        guard let word = T(rawValue: text) else {
            let hint = KeySuggestion.closest(to: text, among: choices).map { "; did you mean \"\($0)\"?" } ?? ""
            throw invalid(key, "\"\(text)\" is not \(expected)\(hint)")
        }
        return word
    }

    /// A sub-table (`[poll]` or `poll = { ... }`), as a reader of its own.
    func table(_ key: String) throws(ConfigError) -> TableReader? {
        guard let sub = try typed(key, expected: "a table ([\(keyPath(key))])", { $0.table }) else { return nil }
        return TableReader(table: sub, path: path.appending(key), document: document, label: label)
    }

    /// An array of tables (`[[feeds]]`), one reader per element.
    func arrayOfTables(_ key: String) throws(ConfigError) -> [TableReader]? {
        let expected = "one or more [[\(keyPath(key))]] tables"
        guard let array = try typed(key, expected: expected, { $0.array }) else { return nil }
        var readers: [TableReader] = []
        for (position, element) in array.enumerated() {
            let elementPath = path.appending(key).appending(index: position)
            guard let sub = element.table else {
                throw .wrongType(
                    file: file, line: document.locator.line(of: elementPath), key: display(elementPath),
                    expected: "a table", found: Self.describe(element))
            }
            readers.append(TableReader(table: sub, path: elementPath, document: document, label: label))
        }
        return readers
    }
}
