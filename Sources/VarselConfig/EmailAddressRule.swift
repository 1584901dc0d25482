/// Which e-mail addresses subscribers.toml and `[email] from` accept.
///
/// Not RFC 5322 in full (quoted local parts, comments and IP literals are refused): the addresses
/// go into SMTP envelopes and headers, so anything that could break out of a header (`<`, `>`,
/// `,`, `;`, quotes, whitespace, control characters) is refused, and so is non-ASCII, because
/// not every relay speaks SMTPUTF8. A domain must contain a dot, or be `localhost` (demo, tests).
enum EmailAddressRule {
    private static let forbidden: Set<Unicode.Scalar> = ["<", ">", ",", ";", "\"", "(", ")", "[", "]", "\\", ":"]

    /// nil when `address` is acceptable, else the problem in one sentence.
    static func problem(with address: String) -> String? {
        let shown = "\"\(TextRules.shown(address))\""
        if address.isEmpty { return "an e-mail address must not be empty" }
        if address.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            return "\(shown) contains a space or control character; give one address per entry"
        }
        if !address.unicodeScalars.allSatisfy(\.isASCII) {
            return "\(shown) contains non-ASCII characters; write the domain in its ASCII (xn--) form"
        }
        if let bad = address.unicodeScalars.first(where: forbidden.contains) {
            return "\(shown) contains '\(bad)'; write the bare address, e.g. \"drift@kommune.no\""
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "\(shown) is not an e-mail address (it needs exactly one @)" }
        let local = parts[0], domain = parts[1].lowercased()
        if local.isEmpty { return "\(shown) has nothing before the @" }
        if local.count > 64 { return "\(shown) has a part before the @ longer than 64 characters" }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return "\(shown) has a misplaced '.' before the @"
        }
        if let problem = HostNameRule.problem(with: domain) { return "\(shown): \(problem)" }
        return nil
    }
}

/// Host names for e-mail domains and Message-ID domains.
enum HostNameRule {
    /// nil when `host` is a plausible DNS name with a dot (or `localhost`), else the problem.
    static func problem(with host: String) -> String? {
        if host.isEmpty { return "the domain is empty" }
        if host == "localhost" { return nil }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain \"\(TextRules.shown(host))\" has no dot" }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                label.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
            else {
                return "the domain \"\(TextRules.shown(host))\" is not a valid host name"
            }
        }
        return nil
    }
}
