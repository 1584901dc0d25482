import Foundation

/// String surgery on the URLs discovery builds. Done on the text, not through a URL type, so the
/// URL sent is byte for byte what the user (or the page) wrote, percent-encoding included; the
/// fetcher's own policy (curl's parser) still decides what may be fetched.
enum SiteURL {
    /// A URL the user typed: `status.skatteetaten.no` becomes `https://status.skatteetaten.no`;
    /// anything with a scheme is left alone (surrounding whitespace trimmed).
    static func normalised(_ given: String) -> String {
        let trimmed = given.trimmingWhitespace()
        return trimmed.contains("://") || trimmed.isEmpty ? trimmed : "https://" + trimmed
    }

    /// `<base>`: scheme://authority plus the path, without query or fragment, without a trailing
    /// slash, and without a trailing `/history.atom`, `/history.rss`, `/api/v2/<doc>.json` or
    /// HTML file name (`/index.html`, `/status.htm`), so that every URL of a Statuspage page
    /// (the page, its feeds, its API) gives the page's base.
    static func base(of url: String) -> String {
        var text = Substring(url)
        if let end = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<end] }
        guard let schemeEnd = text.range(of: "://") else { return String(text) }
        let origin = text[..<schemeEnd.upperBound]
        let rest = text[schemeEnd.upperBound...]
        let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<pathStart]
        var path = String(rest[pathStart...])
        if let api = path.range(of: "/api/v2/"), path.hasSuffix(".json") { path = String(path[..<api.lowerBound]) }
        for feed in ["/history.atom", "/history.rss"] where path.hasSuffix(feed) {
            path.removeLast(feed.count)
        }
        // A page file is not a folder: `/index.html/api/v2/summary.json` exists nowhere.
        if let slash = path.lastIndex(of: "/"),
            path[slash...].lowercased().hasSuffix(".html") || path[slash...].lowercased().hasSuffix(".htm")
        {
            path = String(path[..<slash])
        }
        while path.hasSuffix("/") { path.removeLast() }
        return String(origin) + String(authority) + path
    }

    /// The lower-cased scheme, if `url` starts with one.
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter,
            scheme.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }
            )
        else { return nil }
        return scheme.lowercased()
    }

    /// The host of `url` (userinfo and port removed), or nil for `file:///path`.
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        var authority = url[schemeEnd.upperBound...]
        if let end = authority.firstIndex(where: { "/?#".contains($0) }) { authority = authority[..<end] }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            authority = authority[authority.index(after: authority.startIndex)..<close]
        } else if let colon = authority.lastIndex(of: ":") {
            authority = authority[..<colon]
        }
        return authority.isEmpty ? nil : String(authority)
    }

    /// A `[[feeds]]` name: the host (for file:// the file's name), lower-cased, every run of
    /// characters other than a-z and 0-9 turned into one '-'. "status.skatteetaten.no" gives
    /// "status-skatteetaten-no".
    static func feedName(for url: String) -> String {
        let source: String
        if let host = host(of: url) {
            source = host
        } else {
            var path = Substring(url)
            if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
            source = path.split(separator: "/").last.map(String.init) ?? ""
        }
        var name = ""
        var pendingDash = false
        for scalar in source.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !name.isEmpty { name += "-" }
                pendingDash = false
                name.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return name.isEmpty ? "status" : name
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Text from a response (a page or feed title) made safe for one terminal line: control
    /// characters (escape sequences included) and bidirectional overrides dropped, whitespace
    /// runs collapsed, at most `limit` characters.
    func displaySafe(limit: Int = 80) -> String {
        var out = ""
        var lastWasSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                if !lastWasSpace && !out.isEmpty { out += " " }
                lastWasSpace = true
                continue
            }
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
            {
                continue
            }
            out.unicodeScalars.append(scalar)
            lastWasSpace = false
        }
        if lastWasSpace, out.hasSuffix(" ") { out.removeLast() }
        return out.count > limit ? String(out.prefix(limit - 1)) + "…" : out
    }
}
