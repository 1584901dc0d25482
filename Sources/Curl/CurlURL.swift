import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A URL split by libcurl's own parser (`curl_url`), for policy checks made before a transfer.
///
/// Why curl's parser and not Foundation's: a check such as "plain http only to loopback" is only
/// sound if it sees the same host that curl will connect to. Two parsers disagreeing on an odd URL
/// (`http://127.0.0.1\@evil.example/`, userinfo tricks, stray whitespace) is a classic bypass.
public struct CurlURL: Sendable, Hashable {
    /// Lowercased scheme, e.g. `https`, `file`.
    public let scheme: String
    /// Host as curl would use it (IPv6 in brackets, as curl returns it); `nil` for `file:///path`.
    public let host: String?
    /// Explicit port, if the URL names one.
    public let port: Int?
    /// Percent-decoded path (for file:// the file system path).
    public let path: String

    /// Parses `string` as an absolute URL. Schemes libcurl does not know are still parsed (so the
    /// caller can name them in its own error).
    /// - Throws: ``CurlError/invalidRequest(url:reason:)`` with curl's reason (no scheme, bad host...).
    public init(_ string: String) throws(CurlError) {
        guard let handle = curl_url() else { throw .invalidRequest(url: string, reason: "curl_url failed") }
        defer { curl_url_cleanup(handle) }
        let code = curl_url_set(handle, CURLUPART_URL, string, UInt32(CURLU_NON_SUPPORT_SCHEME))
        guard code == CURLUE_OK else {
            throw .invalidRequest(url: string, reason: String(cString: curl_url_strerror(code)))
        }
        func part(_ what: CURLUPart, _ flags: Int32 = 0) -> String? {
            var out: UnsafeMutablePointer<CChar>?
            guard curl_url_get(handle, what, &out, UInt32(flags)) == CURLUE_OK, let out else { return nil }
            defer { curl_free(out) }
            return String(cString: out)
        }
        scheme = (part(CURLUPART_SCHEME) ?? "").lowercased()
        host = part(CURLUPART_HOST).flatMap { $0.isEmpty ? nil : $0 }
        port = part(CURLUPART_PORT).flatMap { Int($0) }
        path = part(CURLUPART_PATH, CURLU_URLDECODE) ?? ""
    }

    /// Whether the host is the local machine without any name resolution: `localhost`, an IPv4
    /// address in 127.0.0.0/8, `::1`, or `::ffff:127.x.x.x`. Shorthand IPv4 (`127.1`) counts because
    /// curl's parser normalises it to the dotted quad it will connect to; names that merely look
    /// local (`127.0.0.1.nip.io`, `localhost.example.org`) resolve through DNS and do not count.
    public var isLoopback: Bool {
        guard var name = host?.lowercased() else { return false }
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" { return true }
        if name.hasPrefix("["), name.hasSuffix("]") {
            let inner = String(name.dropFirst().dropLast())
            var address = in6_addr()
            guard inet_pton(AF_INET6, inner, &address) == 1 else { return false }
            let bytes = withUnsafeBytes(of: &address) { Array($0) }
            let isOne = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
            let isMappedLoopback =
                bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
                && bytes[12] == 127
            return isOne || isMappedLoopback
        }
        var address = in_addr()
        guard inet_pton(AF_INET, name, &address) == 1 else { return false }
        return withUnsafeBytes(of: &address) { $0[0] } == 127
    }
}
