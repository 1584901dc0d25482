import Curl
import Foundation

/// Turning untrusted or secret-bearing text into the one-line error strings of ``AttemptResult``.
///
/// Why it matters: a webhook receiver's response body is attacker-controlled (it could carry
/// newlines to forge log lines, ANSI escapes, bidi overrides, megabytes of HTML), and a URL may
/// carry credentials in its userinfo or a token in its query. Only what these functions return
/// goes into an error string.
enum OperatorText {
    /// The longest excerpt of a receiver's answer kept in an error string.
    static let excerptLimit = 200

    /// At most `limit` characters of `bytes` as one line: decoded as UTF-8 (invalid bytes become
    /// U+FFFD), control and format characters (C0, C1, DEL, bidi overrides, zero-width) turned
    /// into spaces, runs of whitespace collapsed; "…" marks a cut.
    static func excerpt(_ bytes: some Collection<UInt8>, limit: Int = excerptLimit) -> String {
        // Decode a bounded prefix only: a 64 KiB body needs no more than this for 200 characters.
        oneLine(String(decoding: bytes.prefix(limit * 4), as: UTF8.self), limit: limit)
    }

    /// `text` as a single sanitised line of at most `limit` characters.
    static func oneLine(_ text: String, limit: Int = excerptLimit) -> String {
        var result = ""
        var pendingSpace = false
        var count = 0
        for scalar in text.unicodeScalars {
            let props = scalar.properties
            let isNoise = props.generalCategory == .control || props.generalCategory == .format
                || props.generalCategory == .lineSeparator || props.generalCategory == .paragraphSeparator
            if isNoise || props.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if count >= limit {
                return result + "…"
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                count += 1
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
            count += 1
        }
        return result
    }

    /// `scheme://host[:port]/path` of `url` (a bare `/` path left out): no userinfo, no query, no fragment (where tokens
    /// live), sanitised. Parsed with curl's own parser, the one that connects.
    static func location(_ url: String) -> String {
        guard let parsed = try? CurlURL(url), let host = parsed.host else {
            // Unparseable: cut at the query/fragment and drop anything that looks like userinfo.
            var text = String(url.prefix { $0 != "?" && $0 != "#" })
            if let schemeEnd = text.range(of: "://") {
                let rest = text[schemeEnd.upperBound...]
                let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
                if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                    text = String(text[..<schemeEnd.upperBound]) + String(rest[rest.index(after: at)...])
                }
            }
            return oneLine(text, limit: 120)
        }
        let port = parsed.port.map { ":\($0)" } ?? ""
        let path = parsed.path == "/" ? "" : parsed.path
        return oneLine("\(parsed.scheme)://\(host)\(port)\(path)", limit: 160)
    }

    /// `host[:port]` of `url`, for "connecting to ..." messages.
    static func authority(_ url: String) -> String {
        guard let parsed = try? CurlURL(url), let host = parsed.host else { return location(url) }
        return oneLine(host + (parsed.port.map { ":\($0)" } ?? ""), limit: 120)
    }

    /// "10s", "1.5s", "250ms".
    static func duration(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        let tenths = milliseconds / 100
        return tenths * 100 == milliseconds ? "\(tenths / 10).\(tenths % 10)s" : "\(milliseconds)ms"
    }

    /// Whether curl's timeout message is about the connect phase ("Connection timed out after
    /// 1001 milliseconds", "Failed to connect ... Timeout was reached") rather than the answer.
    static func isConnectTimeout(_ message: String) -> Bool {
        let lower = message.lowercased()
        return lower.contains("connection timed out") || lower.contains("failed to connect")
            || lower.contains("resolving timed out")
    }
}
