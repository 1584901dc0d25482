/// Which addresses a webhook may connect to: the SSRF guard's rule.
///
/// Webhook URLs come from the subscribers file, and a URL (or its DNS name, which can change at
/// any time) that points inside KS's own network would turn varselvakt into a way to POST to
/// internal services. So an address in one of the ``specialRanges`` (loopback, private, CGNAT,
/// link-local, unspecified, multicast, broadcast and reserved, IPv4-mapped or NAT64 forms of
/// these, and IPv4-compatible IPv6) is refused unless it lies in one of ``allowed`` (`[delivery]
/// allow_private_webhooks`). Every other address is allowed.
///
/// The rule is applied by the Curl module at connect time to the address actually used (see
/// `CurlRequest.addressFilter`), never to the URL text alone, so a DNS change after the config
/// was loaded cannot get around it.
public struct WebhookAddressPolicy: Sendable, Hashable {
    /// Blocks an operator has allowed despite being special (e.g. a receiver on `10.1.0.0/16`).
    public var allowed: [IPNetwork]

    public init(allowed: [IPNetwork] = []) {
        self.allowed = allowed
    }

    /// nil when a webhook may connect to `address`; otherwise what kind of address it is, worded
    /// to follow "resolves to 10.0.0.5, " ("a private address").
    public func refusal(for address: IPAddress) -> String? {
        let judged = address.unmapped
        if allowed.contains(where: { $0.contains(judged) }) { return nil }
        if let embedded = Self.nat64Embedded(judged) { return refusal(for: embedded).map { "a NAT64 form of \($0)" } }
        return Self.specialRanges.first { $0.network.contains(judged) }?.kind
    }

    /// The IPv4 address inside the NAT64 well-known prefix `64:ff9b::/96`: a NAT64 gateway
    /// connects to it, so it is judged as that IPv4 address.
    private static func nat64Embedded(_ address: IPAddress) -> IPAddress? {
        let prefix: [UInt8] = [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0]
        guard address.bytes.count == 16, Array(address.bytes[0..<12]) == prefix else { return nil }
        return IPAddress(bytes: Array(address.bytes[12..<16]))
    }

    /// The refused ranges, most specific first where they overlap (`::1` before `::/96`).
    public static let specialRanges: [(network: IPNetwork, kind: String)] = [
        ("0.0.0.0/8", "an unspecified (\"this network\") address"),
        ("127.0.0.0/8", "a loopback address"),
        ("10.0.0.0/8", "a private address"),
        ("172.16.0.0/12", "a private address"),
        ("192.168.0.0/16", "a private address"),
        ("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
        ("169.254.0.0/16", "a link-local address"),
        ("192.0.0.0/24", "a reserved (IETF protocol) address"),
        ("198.18.0.0/15", "a reserved (benchmarking) address"),
        ("224.0.0.0/4", "a multicast address"),
        ("240.0.0.0/4", "a reserved or broadcast address"),
        ("::/128", "the unspecified address"),
        ("::1/128", "a loopback address"),
        ("::/96", "an IPv4-compatible (deprecated) address"),
        ("fc00::/7", "a private (unique local) address"),
        ("fe80::/10", "a link-local address"),
        ("fec0::/10", "a private (site-local, deprecated) address"),
        ("ff00::/8", "a multicast address"),
    ].map { text, kind in
        // The table is constant and every entry is valid CIDR; a typo fails the first test run.
        (try! IPNetwork(cidr: text), kind)
    }
}
