/// Why a Statuspage document was rejected as a whole. Each case names the source URL, and
/// `description` is one log line an operator can act on.
///
/// A body over the size limit is `FeedFetch`'s business and never reaches the decoder.
public enum StatusPageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but whitespace.
    case empty(source: String)
    /// The body is not JSON at all: typically an HTML error or login page served with 200.
    /// `prefix` is the start of the body, sanitised to one printable line.
    case notJSON(source: String, looksLikeHTML: Bool, prefix: String)
    /// It starts like JSON but does not parse.
    case malformedJSON(source: String, message: String)
    /// Valid JSON whose top level is not an object (`[...]`, a string, a number).
    case notAnObject(source: String)
    /// A JSON object without the key this endpoint must have (`incidents`, `components` ...).
    case missingKey(source: String, key: String, found: [String])

    public var source: String {
        switch self {
        case .empty(let source), .notJSON(let source, _, _), .malformedJSON(let source, _),
            .notAnObject(let source), .missingKey(let source, _, _):
            source
        }
    }

    public var description: String {
        switch self {
        case .empty(let source):
            return "statuspage: \(source): empty body, expected a Statuspage JSON document"
        case .notJSON(let source, let html, let prefix):
            let what = html ? "an HTML/XML page, not JSON" : "not JSON"
            return "statuspage: \(source): body is \(what); it starts with \"\(prefix)\""
        case .malformedJSON(let source, let message):
            return "statuspage: \(source): malformed JSON: \(message)"
        case .notAnObject(let source):
            return "statuspage: \(source): JSON top level is not an object"
        case .missingKey(let source, let key, let found):
            let keys = found.isEmpty ? "none" : found.sorted().joined(separator: ", ")
            return "statuspage: \(source): JSON has no top-level \"\(key)\" (keys found: \(keys)); not a Statuspage v2 document?"
        }
    }
}
