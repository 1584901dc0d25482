#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An IPv4 or IPv6 address as its network-order bytes (4 or 16 of them).
///
/// Why a type of its own: the webhook guard (``WebhookAddressPolicy``) compares the address curl
/// is about to connect to against address ranges, and the config names those ranges as CIDR
/// text (``IPNetwork``). Parsing and printing go through `inet_pton`/`inet_ntop`, so the forms
/// accepted and shown are the system's own (no zone ids, no shortened IPv4 like `127.1`).
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes (IPv4) or 16 bytes (IPv6), network order.
    public let bytes: [UInt8]

    /// nil unless `bytes` has 4 or 16 elements.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Parses dotted-quad IPv4 or RFC 4291 IPv6 text; nil for anything else (host names,
    /// brackets, zone ids, prefixes).
    public init?(_ text: String) {
        var buffer = [UInt8](repeating: 0, count: 16)
        if text.contains(":") {
            guard inet_pton(AF_INET6, text, &buffer) == 1 else { return nil }
            bytes = buffer
        } else {
            guard inet_pton(AF_INET, text, &buffer) == 1 else { return nil }
            bytes = Array(buffer.prefix(4))
        }
    }

    public var isIPv4: Bool { bytes.count == 4 }

    /// The IPv4 address carried by an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`); nil otherwise.
    /// A socket connected to the mapped form reaches the IPv4 host, so it must be judged as one.
    public var mappedIPv4: IPAddress? {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff else {
            return nil
        }
        return IPAddress(bytes: Array(bytes[12..<16]))
    }

    /// The address as it is judged: an IPv4-mapped IPv6 address becomes its IPv4 address.
    public var unmapped: IPAddress { mappedIPv4 ?? self }

    public var description: String {
        var text = [CChar](repeating: 0, count: 64)
        let family = isIPv4 ? AF_INET : AF_INET6
        guard inet_ntop(family, bytes, &text, socklen_t(text.count)) != nil else { return "?" }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
