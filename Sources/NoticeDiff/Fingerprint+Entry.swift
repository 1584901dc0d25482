import Crypto
public import Foundation
public import VarselModel

extension Fingerprint {
    /// Fingerprints one parsed entry.
    public init(_ entry: FeedEntry) {
        let title = Self.normalize(entry.title)
        let summary = Self.normalize(entry.summaryText)
        let content = Self.normalize(entry.contentText)
        let body = summary + "\u{1F}" + content
        let text = Self.sha256(title + "\u{1F}" + body)
        var version = text
        version += "\u{1F}" + entry.contentHTML
        version += "\u{1F}" + (entry.link ?? "")
        version += "\u{1F}" + (entry.published.map { String($0.timeIntervalSince1970) } ?? "")
        version += "\u{1F}" + (entry.updated.map { String($0.timeIntervalSince1970) } ?? "")
        version += "\u{1F}" + entry.categories.joined(separator: "\u{1E}")
        self.init(text: text, body: Self.sha256(body), version: Self.sha256(version))
    }

    /// Collapses every run of whitespace to one space, trims, and puts the text in Unicode
    /// canonical composition, so "å" typed two ways hashes the same.
    public static func normalize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.unicodeScalars.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out.precomposedStringWithCanonicalMapping
    }

    static func sha256(_ string: String) -> String {
        let digest = SHA256.hash(data: Data(string.utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
