import Crypto
import Foundation
public import VarselModel

extension Fingerprint {
    /// Fingerprints one parsed entry. The hashes are fed field by field with a separator
    /// byte (0x1F) between fields, so no two different field splits hash alike.
    public init(_ entry: FeedEntry) {
        let title = Self.normalizedBytes(entry.title)
        let summary = Self.normalizedBytes(entry.summaryText)
        let content = Self.normalizedBytes(entry.contentText)
        let separator: [UInt8] = [0x1F]

        var body = SHA256()
        body.update(data: summary)
        body.update(data: separator)
        body.update(data: content)

        var text = SHA256()
        text.update(data: title)
        text.update(data: separator)
        text.update(data: summary)
        text.update(data: separator)
        text.update(data: content)
        self.init(text: Self.hex(text.finalize()), body: Self.hex(body.finalize()), version: Self.version(of: entry))
    }

    /// The version hash alone: every field we store, exactly as parsed (no normalisation).
    ///
    /// Equal version hashes mean equal entries, and so equal text and body hashes (those are
    /// computed from the same fields), which lets `NoticeDiffer` skip normalising and hashing
    /// the text of every entry that did not change: most entries of most polls.
    public static func version(of entry: FeedEntry) -> String {
        var version = SHA256()
        let separator: [UInt8] = [0x1F]
        func add(_ field: String) {
            var field = field
            field.withUTF8 { version.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            version.update(data: separator)
        }
        add(entry.title)
        add(entry.summaryText)
        add(entry.contentText)
        add(entry.contentHTML)
        add(entry.link ?? "")
        // Whole milliseconds as integers: exact, and far cheaper to print than a Double.
        add(entry.published.map { String(Int64(($0.timeIntervalSince1970 * 1000).rounded())) } ?? "")
        add(entry.updated.map { String(Int64(($0.timeIntervalSince1970 * 1000).rounded())) } ?? "")
        add(entry.categories.joined(separator: "\u{1E}"))
        // Only structured sources have facts; leaving them out otherwise keeps every feed
        // notice's stored version hash valid. A status or severity change alone is a new version.
        if let facts = entry.facts {
            add(facts.status ?? "")
            add(facts.severity?.rawValue ?? "")
            add(facts.kind?.rawValue ?? "")
            add(facts.components.map { "\($0.code ?? "")\u{1D}\($0.name)" }.joined(separator: "\u{1E}"))
            add(facts.window.map { "\($0.start.timeIntervalSince1970)-\($0.end?.timeIntervalSince1970 ?? 0)" } ?? "")
        }
        return hex(version.finalize())
    }

    /// `text` with every run of whitespace collapsed to one space, trimmed, zero-width spaces
    /// treated as whitespace, and in Unicode canonical composition (NFC), so "å" typed two ways
    /// hashes the same.
    public static func normalize(_ text: String) -> String {
        String(decoding: normalizedBytes(text), as: UTF8.self)
    }

    /// `normalize` as UTF-8 bytes, in one pass over the input's bytes. Whitespace is Unicode's
    /// White_Space set (ASCII, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
    /// U+205F, U+3000) plus U+200B, matched byte-wise so no per-character property lookup is
    /// needed. NFC is computed (by Foundation, slowly) only when a combining mark is present;
    /// text without one is already composed.
    static func normalizedBytes(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { normalizedBytes($0) }
    }

    private static func normalizedBytes(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let count = input.count
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var pendingSpace = false
        var hasCombiningMark = false
        var i = 0
        while i < count {
            let b = input[i]
            var width = 1
            var isSpace = false
            if b < 0x80 {
                isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
            } else if b < 0xE0 {
                width = 2
                if b == 0xC2, i + 1 < count, input[i + 1] == 0x85 || input[i + 1] == 0xA0 { isSpace = true }
                if b == 0xCC || b == 0xCD { hasCombiningMark = true }  // U+0300–U+036F
            } else if b < 0xF0 {
                width = 3
                if i + 2 < count {
                    let c = input[i + 1], d = input[i + 2]
                    switch (b, c) {
                    case (0xE2, 0x80): isSpace = d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF
                    case (0xE2, 0x81): isSpace = d == 0x9F
                    case (0xE3, 0x80): isSpace = d == 0x80
                    case (0xE1, 0x9A): isSpace = d == 0x80
                    // Combining marks outside U+0300–U+036F: U+1AB0–U+1AFF, U+1DC0–U+1DFF,
                    // U+20D0–U+20FF, U+FE20–U+FE2F.
                    case (0xE1, 0xAA), (0xE1, 0xAB), (0xE1, 0xB7), (0xE2, 0x83), (0xEF, 0xB8): hasCombiningMark = true
                    default: break
                    }
                }
            } else {
                width = 4
            }
            width = min(width, count - i)
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(contentsOf: input[i..<(i + width)])
            }
            i += width
        }
        guard hasCombiningMark else { return out }
        return Array(String(decoding: out, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
