import Foundation

/// Which webhook URLs a subscriber may give.
///
/// https everywhere; plain http only to a loopback host or with `allow_http = true` in the
/// subscriber's webhook table (the body is signed, but a notice sent in clear can still be read
/// on the way). No other scheme (libcurl would happily speak ftp:// or file://), and no user
/// name or password in the URL: it would show up in logs and history. Authentication is the
/// HMAC signature made with the subscriber's secret.
enum WebhookURLRule {
    /// nil when `text` is acceptable, else the problem in one sentence.
    static func problem(with text: String, allowHTTP: Bool) -> String? {
        let shown = "\"\(TextRules.shown(text))\""
        guard !TextRules.hasControlCharacters(text), !text.contains(" "),
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased()
        else {
            return "\(shown) is not an absolute URL; write e.g. \"https://example.no/varselvakt\""
        }
        guard scheme == "https" || scheme == "http" else {
            return "scheme \"\(TextRules.shown(scheme))\" is not allowed; a webhook URL must be https (or http to loopback)"
        }
        guard let host = components.host, !host.isEmpty else { return "\(shown) has no host" }
        guard components.user == nil, components.password == nil else {
            return "the URL must not contain a user name or password (they would be logged); the webhook is "
                + "authenticated by its HMAC signature"
        }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if scheme == "http" && !allowHTTP && !FeedURLRule.isLoopback(bare) {
            return "plain http to \(TextRules.shown(bare)) is not allowed (alerts could be read or delayed in transit); "
                + "use https, or set allow_http = true in this webhook table"
        }
        return nil
    }

    /// The host of an accepted URL, for summaries (the path and query may carry tokens).
    static func host(of text: String) -> String {
        URLComponents(string: text)?.host ?? "?"
    }
}
