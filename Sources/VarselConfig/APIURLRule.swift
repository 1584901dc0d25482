import Foundation

/// Which API URLs the catalog accepts (`url`, `test_url`, `[apis.probe] url`/`test_url`) and
/// the probes' `reference_url`.
///
/// These URLs are probed, so the rule is the feeds' rule without its escape hatches: https
/// everywhere, plain http only to a loopback host (127.0.0.0/8, ::1, localhost: test servers),
/// no file:// or other scheme (libcurl would happily fetch them), and no user name or password
/// (they would show up in logs and probe history).
enum APIURLRule {
    /// nil when `text` is acceptable, else the problem in one sentence.
    static func problem(with text: String) -> String? {
        let shown = "\"\(TextRules.shown(text))\""
        guard !TextRules.hasControlCharacters(text), !text.contains(" "),
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased()
        else {
            return "\(shown) is not an absolute URL; write e.g. \"https://inntekt.api.skatteetaten.no/v1\""
        }
        guard scheme == "https" || scheme == "http" else {
            return "\(shown) is not an http(s) URL; use https (plain http only to a loopback host)"
        }
        guard let host = components.host, !host.isEmpty else { return "\(shown) has no host" }
        guard components.user == nil, components.password == nil else {
            return "the URL must not contain a user name or password (they would be logged)"
        }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if scheme == "http" && !FeedURLRule.isLoopback(bare) {
            return "plain http to \(TextRules.shown(bare)) is not allowed (an answer could be forged in transit); "
                + "use https (http only to a loopback host)"
        }
        return nil
    }
}

extension TableReader {
    /// An API URL under `key` (see `APIURLRule`), nil when absent.
    func apiURL(_ key: String) throws(ConfigError) -> String? {
        guard let text = try nonEmptyString(key) else { return nil }
        if let problem = APIURLRule.problem(with: text) { throw invalid(key, problem) }
        return text
    }
}
