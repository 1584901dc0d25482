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
///
/// `NoticeDiff` computes them (SHA-256, hex); the store keeps them with each notice.
public struct Fingerprint: Sendable, Hashable, Codable {
    public var text: String
    public var body: String
    public var version: String

    public init(text: String, body: String, version: String) {
        self.text = text
        self.body = body
        self.version = version
    }
}
