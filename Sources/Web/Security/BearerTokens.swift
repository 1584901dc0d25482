import Crypto
import VarselConfig

/// The configured API tokens, known only by their SHA-256. A presented token is hashed and
/// compared with every configured digest in constant time (no early exit), so neither the
/// comparison nor which entry matched shows in the response time.
struct BearerTokens: Sendable {
    let digests: [(name: String, digest: [UInt8])]

    init(_ tokens: [WebConfig.Token]) {
        digests = tokens.map { token in (token.name, Self.bytes(hex: token.sha256)) }
    }

    /// The user a token stands for, or nil when it matches none.
    func user(for token: String) -> WebUser? {
        let presented = Array(SHA256.hash(data: Array(token.utf8)))
        var match: String?
        for entry in digests where ConstantTime.equal(presented, entry.digest) {
            if match == nil { match = entry.name }
        }
        return match.map { WebUser(name: $0, method: .token) }
    }

    /// Hex (validated by the config loader) to bytes.
    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var iterator = hex.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let h = nibble(high), let l = nibble(low) else { return [] }
            bytes.append(h << 4 | l)
        }
        return bytes
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
