import Crypto
public import Foundation
public import VarselModel

/// The hashes that decide whether two versions of a notice differ, and how.
///
/// Three levels, because the real feeds change in three ways that must be told apart:
/// - `text`: title + summary + content as normalised plain text. Only a change here is a
///   "changed" alert. Entity noise (Folkeregisteret re-encodes `mailto:` links randomly on
///   every build) and markup-only edits (a theme turning headings into bold text) leave it alone,
///   because the parser already decoded entities and reduced HTML to text.
/// - `body`: summary + content only. A notice retitled by a feed that derives ids from titles
///   keeps its body, which is how `NoticeDiff` recognises it under its new id.
/// - `version`: everything we store (text, sanitized HTML, dates, link, categories). A change here
///   alone is recorded as a new version, silently.
public struct Fingerprint: Sendable, Hashable, Codable {
    public var text: String
    public var body: String
    public var version: String

    public init(text: String, body: String, version: String) {
        self.text = text
        self.body = body
        self.version = version
    }

    /// Fingerprints one parsed entry.
    public init(_ entry: FeedEntry) {
        let title = Self.normalize(entry.title)
        let summary = Self.normalize(entry.summaryText)
        let content = Self.normalize(entry.contentText)
        let body = summary + "\u{1F}" + content
        self.body = Self.sha256(body)
        self.text = Self.sha256(title + "\u{1F}" + body)
        var version = self.text
        version += "\u{1F}" + entry.contentHTML
        version += "\u{1F}" + (entry.link ?? "")
        version += "\u{1F}" + (entry.published.map { String($0.timeIntervalSince1970) } ?? "")
        version += "\u{1F}" + (entry.updated.map { String($0.timeIntervalSince1970) } ?? "")
        version += "\u{1F}" + entry.categories.joined(separator: "\u{1E}")
        self.version = Self.sha256(version)
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
