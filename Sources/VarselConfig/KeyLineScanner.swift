/// The byte-level scan behind `KeyLineLocator` (see there for what it records and why).
struct KeyLineScanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lines: [ConfigKeyPath: Int] = [:]
    /// The resolved path of the current `[table]` / `[[array]]` section.
    var currentTable = ConfigKeyPath.root
    /// How many `[[x]]` headers have been seen per resolved array path.
    var arrayCounts: [ConfigKeyPath: Int] = [:]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    mutating func run() {
        while index < bytes.count {
            skipBlanks()
            guard let byte = current else { return }
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
            case UInt8(ascii: "#"):
                skipComment()
            case UInt8(ascii: "["):
                scanHeader()
            default:
                scanKeyValue()
            }
        }
    }

    mutating func record(_ path: ConfigKeyPath, line: Int) {
        var current: ConfigKeyPath? = path
        while let candidate = current, !candidate.components.isEmpty, lines[candidate] == nil {
            lines[candidate] = line
            current = candidate.parent
        }
    }

    // MARK: Headers

    mutating func scanHeader() {
        let headerLine = line
        index += 1
        let isArray = current == UInt8(ascii: "[")
        if isArray { index += 1 }
        guard let keys = scanKey() else {
            skipRestOfStatement()
            return
        }
        currentTable = resolve(keys, isArrayHeader: isArray)
        record(currentTable, line: headerLine)
        skipBlanks()
        for _ in 0..<(isArray ? 2 : 1) where current == UInt8(ascii: "]") { index += 1 }
        skipRestOfStatement()
    }

    /// Turns header keys into a path, indexing into arrays of tables: after the second
    /// `[[feeds]]`, `[feeds.extra]` means `feeds[1].extra`.
    mutating func resolve(_ keys: [String], isArrayHeader: Bool) -> ConfigKeyPath {
        var path = ConfigKeyPath.root
        for (position, key) in keys.enumerated() {
            path = path.appending(key)
            if isArrayHeader && position == keys.count - 1 {
                let next = arrayCounts[path, default: 0]
                arrayCounts[path] = next + 1
                path = path.appending(index: next)
            } else if let count = arrayCounts[path] {
                path = path.appending(index: count - 1)
            }
        }
        return path
    }

    // MARK: Key/value lines

    mutating func scanKeyValue() {
        let keyLine = line
        guard let keys = scanKey() else {
            skipRestOfStatement()
            return
        }
        var path = currentTable
        for key in keys { path = path.appending(key) }
        record(path, line: keyLine)
        skipBlanks()
        if current == UInt8(ascii: "=") { index += 1 }
        skipBlanks()
        scanValue(path: path)
    }

    /// Skips one value, following strings, brackets and comments across lines; records the line
    /// of each element when the value is an array.
    mutating func scanValue(path: ConfigKeyPath) {
        let isArray = current == UInt8(ascii: "[")
        var depth = 0
        var element = 0
        var expectingElement = false
        while let byte = current {
            if isArray && depth == 1 && expectingElement && !Self.isBlankOrBreak(byte)
                && byte != UInt8(ascii: "#") && byte != UInt8(ascii: "]") && byte != UInt8(ascii: ",")
            {
                record(path.appending(index: element), line: line)
                expectingElement = false
            }
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
                if depth <= 0 { return }
            case UInt8(ascii: "#"):
                skipComment()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                skipString()
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                index += 1
                if isArray && depth == 1 { expectingElement = true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                index += 1
            case UInt8(ascii: ","):
                if isArray && depth == 1 {
                    element += 1
                    expectingElement = true
                }
                index += 1
            default:
                index += 1
            }
        }
    }

    mutating func skipRestOfStatement() {
        scanValue(path: .root)
    }

    // MARK: Keys

    /// Reads a possibly dotted key (`a`, `"a b".c`, `'x'`); nil when the text is not a key here.
    mutating func scanKey() -> [String]? {
        var keys: [String] = []
        while true {
            skipBlanks()
            guard let byte = current else { return nil }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let key = scanQuotedKey() else { return nil }
                keys.append(key)
            } else {
                let start = index
                while let next = current, Self.isBareKeyByte(next) { index += 1 }
                guard index > start else { return nil }
                keys.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipBlanks()
            guard current == UInt8(ascii: ".") else { return keys }
            index += 1
        }
    }

    /// A single-line quoted key. Escapes are decoded for the common cases (`\"`, `\\`, `\t`,
    /// `\n`, `\uXXXX`); a key using rarer escapes is still skipped correctly, just recorded
    /// under a slightly different name, and lookups then fall back to its table's line.
    mutating func scanQuotedKey() -> String? {
        let quote = bytes[index]
        index += 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        while let byte = current, byte != quote, byte != UInt8(ascii: "\n") {
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), let escaped = peek(1) {
                flush(&raw, into: &scalars)
                index += 2
                switch escaped {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let width = escaped == UInt8(ascii: "u") ? 4 : 8
                    let end = min(index + width, bytes.count)
                    let hex = String(decoding: bytes[index..<end], as: UTF8.self)
                    if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
                    index = end
                default: scalars.append(Unicode.Scalar(escaped))
                }
                continue
            }
            raw.append(byte)
            index += 1
        }
        guard current == quote else { return nil }
        flush(&raw, into: &scalars)
        index += 1
        return String(scalars)
    }

    private func flush(_ raw: inout [UInt8], into scalars: inout String.UnicodeScalarView) {
        scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
        raw.removeAll()
    }

    // MARK: Strings, comments, blanks

    /// Skips a basic or literal string, single- or multi-line, counting the lines it spans.
    mutating func skipString() {
        let quote = bytes[index]
        let isMultiline = peek(1) == quote && peek(2) == quote
        let allowsEscapes = quote == UInt8(ascii: "\"")
        index += isMultiline ? 3 : 1
        while let byte = current {
            if allowsEscapes && byte == UInt8(ascii: "\\") {
                if peek(1) == UInt8(ascii: "\n") { line += 1 }
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\n") {
                if !isMultiline { return }  // unterminated; cannot happen in valid TOML
                line += 1
                index += 1
                continue
            }
            if byte == quote {
                if !isMultiline {
                    index += 1
                    return
                }
                if peek(1) == quote && peek(2) == quote {
                    index += 3
                    // Up to two more quotes may close a multi-line string: `""""` ends with a quote.
                    var extra = 0
                    while extra < 2 && current == quote {
                        index += 1
                        extra += 1
                    }
                    return
                }
            }
            index += 1
        }
    }

    mutating func skipComment() {
        while let byte = current, byte != UInt8(ascii: "\n") { index += 1 }
    }

    mutating func skipBlanks() {
        while let byte = current, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
            index += 1
        }
    }

    static func isBlankOrBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
