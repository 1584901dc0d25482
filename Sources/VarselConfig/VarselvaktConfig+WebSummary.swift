extension VarselvaktConfig {
    /// The `[web]` lines of `check-config`: where it listens, who may log in (names only, never
    /// hashes), and whether the daemon would refuse to start with it.
    func webSummary() -> [String] {
        guard web.enabled else { return ["Web: off ([web] enabled = false)"] }
        var lines = ["Web: listening on http://\(web.listen) (\(web.listen.isLoopback ? "loopback only" : "reachable from the network"))"]
        if web.hasCredentials {
            let users = web.users.map(\.name)
            let tokens = web.tokens.map(\.name)
            lines.append("  users (login form): \(users.isEmpty ? "none" : users.joined(separator: ", "))")
            lines.append("  tokens (API, /metrics): \(tokens.isEmpty ? "none" : tokens.joined(separator: ", "))")
        } else if web.listen.isLoopback {
            lines.append("  no users or tokens: everyone who can reach it is \"local\"")
        } else {
            lines.append(
                "  REFUSED: \(web.listen) is not a loopback address and no [[web.users]] or [[web.tokens]] are "
                    + "configured; the daemon will not start")
        }
        lines.append(
            "  cookies: \(web.secureCookie ? "Secure" : "not Secure (plain http)")"
                + (web.behindTLS ? ", behind a TLS proxy" : "") + "; sessions last \(Self.format(web.sessionLifetime))")
        return lines
    }
}
