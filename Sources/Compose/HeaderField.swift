import Foundation

/// Header fields (RFC 5322 §2.2, RFC 2047): every header line is ASCII, at most 78 characters
/// where folding can make it so, never more than 998.
enum HeaderField {
    static let maxLine = 78
    private static let wordPrefix = "=?UTF-8?B?"
    private static let wordSuffix = "?="
    /// RFC 2047 §2: an encoded-word is at most 75 characters.
    static let maxWord = 75

    /// `Name: value` as UTF-8 B encoded-words, folded so each line stays within 78 characters
    /// and each encoded-word within 75. Words split between Unicode scalars only, so every
    /// word decodes on its own (RFC 2047 §5).
    static func encoded(_ name: String, _ value: String, into out: inout [UInt8]) {
        append("\(name): ", into: &out)
        var column = name.utf8.count + 2
        var chunk: [UInt8] = []
        var first = true

        func emit() {
            if !first {
                out.append(contentsOf: [0x0D, 0x0A, 0x20])
                column = 1
            }
            let word = wordPrefix + Data(chunk).base64EncodedString() + wordSuffix
            append(word, into: &out)
            column += word.utf8.count
            chunk.removeAll(keepingCapacity: true)
            first = false
        }
        func fits(_ byteCount: Int, column: Int) -> Bool {
            let length = wordPrefix.utf8.count + 4 * ((byteCount + 2) / 3) + wordSuffix.utf8.count
            return length <= maxWord && column + length <= maxLine
        }

        for scalar in value.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            let startColumn = first ? column : 1
            if !chunk.isEmpty, !fits(chunk.count + bytes.count, column: startColumn) { emit() }
            chunk += bytes
        }
        if !chunk.isEmpty || first { emit() }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// `Name: value` for a value that is already safe ASCII; folded at `separator` boundaries
    /// (", " between addresses) when the line would pass 78 characters.
    static func plain(_ name: String, _ items: [String], separator: String = ", ", into out: inout [UInt8]) {
        append("\(name): ", into: &out)
        var column = name.utf8.count + 2
        for (index, item) in items.enumerated() {
            if index > 0 {
                let sep = separator.trimmingTrailingSpaces
                append(sep, into: &out)
                column += sep.utf8.count
                if column + 1 + item.utf8.count > maxLine {
                    out.append(contentsOf: [0x0D, 0x0A])
                    column = 0
                }
                out.append(0x20)
                column += 1
            }
            append(item, into: &out)
            column += item.utf8.count
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// Printable ASCII without "=?" (which a reader would take for an encoded-word).
    static func isPlainASCII(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte > 0x7E { return false }
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return false }
            previous = byte
        }
        return true
    }

    /// A display name as an RFC 5322 quoted-string, or encoded-words when it is not plain ASCII.
    static func mailbox(name: String, address: String, field: String, into out: inout [UInt8]) {
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\" <\(address)>"
        if isPlainASCII(name), field.utf8.count + 2 + quoted.utf8.count <= maxLine {
            plain(field, [quoted], into: &out)
            return
        }
        // Encoded name, then the address on a folded line of its own if need be.
        var line: [UInt8] = []
        encoded(field, name, into: &line)
        line.removeLast(2)
        let lastLineLength = line.count - ((line.lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0)
        out += line
        if lastLineLength + 1 + address.utf8.count + 2 > maxLine { out.append(contentsOf: [0x0D, 0x0A]) }
        append(" <\(address)>", into: &out)
        out.append(contentsOf: [0x0D, 0x0A])
    }

    static func append(_ text: String, into out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
