/// An address range in CIDR notation (`10.1.0.0/16`, `fd00::/8`), as `[delivery]
/// allow_private_webhooks` lists them.
///
/// Parsing is strict because a typo here silently widens or narrows what a webhook may reach:
/// the prefix length is required (`127.0.0.1/32`, not `127.0.0.1`), and bits set below it
/// (`10.1.2.3/16`) are refused with the network the operator probably meant.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int

    /// Why a text is not a CIDR block, in one sentence that quotes it.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let text: String
        public let problem: String
        public var description: String { "\"\(text)\" \(problem)" }
    }

    /// Parses `address/prefix`. An IPv4-mapped IPv6 block (`::ffff:10.0.0.0/104`) becomes the IPv4
    /// block it denotes, because addresses are judged unmapped (``IPAddress/unmapped``).
    public init(cidr text: String) throws(ParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw ParseError(text: text, problem: "is not in CIDR notation; write an address and a prefix length, e.g. \"127.0.0.1/32\" or \"10.1.0.0/16\"")
        }
        guard let parsed = IPAddress(String(parts[0])) else {
            throw ParseError(text: text, problem: "does not start with an IPv4 or IPv6 address")
        }
        let maximum = parsed.bytes.count * 8
        guard parts[1].allSatisfy(\.isASCII), let length = Int(parts[1]), (0...maximum).contains(length),
            !parts[1].hasPrefix("+")
        else {
            throw ParseError(text: text, problem: "has a prefix length that is not a number from 0 to \(maximum)")
        }
        let network = Self.masked(parsed.bytes, length)
        guard network == parsed.bytes else {
            let meant = "\(IPAddress(bytes: network)!)/\(length)"
            throw ParseError(text: text, problem: "has address bits set beyond the /\(length) prefix; did you mean \"\(meant)\"?")
        }
        if let v4 = parsed.mappedIPv4, length >= 96 {
            self.init(uncheckedAddress: v4, prefixLength: length - 96)
        } else {
            self.init(uncheckedAddress: parsed, prefixLength: length)
        }
    }

    /// For built-in tables: `address` must already be the network address.
    init(uncheckedAddress address: IPAddress, prefixLength: Int) {
        self.address = address
        self.prefixLength = prefixLength
    }

    /// Whether `candidate` lies in this block (same family, same leading `prefixLength` bits).
    public func contains(_ candidate: IPAddress) -> Bool {
        candidate.bytes.count == address.bytes.count && Self.masked(candidate.bytes, prefixLength) == address.bytes
    }

    public var description: String { "\(address)/\(prefixLength)" }

    /// `bytes` with every bit after the first `length` cleared.
    static func masked(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let kept = min(8, max(0, length - index * 8))
            return kept == 8 ? byte : byte & ~(UInt8(0xff) >> kept)
        }
    }
}
