public import VarselModel

/// Message-IDs that make a mail client thread every alert about one notice under the first one.
///
/// The root id is a pure function of (notice, subscriber, domain): the first alert about a notice
/// carries it, and every later alert points at it with In-Reply-To/References, even when the
/// first alert was sent months ago and nothing about it is stored but the ids. A follow-up gets
/// its own id derived from the delivery's idempotency key, so every attempt of one delivery
/// sends the same Message-ID and a receiver (or its spam filter) can drop a redelivery.
///
/// Only characters allowed in an RFC 5322 dot-atom appear: the notice id (a URL, sometimes with
/// spaces) is hashed; an unusual subscriber id is escaped as `=XX` per byte (so distinct ids stay
/// distinct). The hash is 128-bit FNV-1a: not cryptographic, and it need not be, since notice
/// ids come from a feed we already trust and a collision would only merge two threads.
public enum MessageID {
    /// `<n.HASH.SUBSCRIBER@domain>`: the first alert about `notice` to `subscriber`.
    public static func root(notice: NoticeID, subscriber: SubscriberID, domain: String) -> String {
        "<n.\(hex128(fnv1a128(notice.rawValue.utf8))).\(atom(subscriber.rawValue))@\(domainAtom(domain))>"
    }

    /// `<d.HASH.SUBSCRIBER@domain>`: a follow-up alert, stable for every attempt of one delivery.
    public static func forDelivery(idempotencyKey: String, subscriber: SubscriberID, domain: String) -> String {
        "<d.\(hex128(fnv1a128(idempotencyKey.utf8))).\(atom(subscriber.rawValue))@\(domainAtom(domain))>"
    }

    /// Whether `domain` can be the right-hand side of a Message-ID unchanged.
    static func isValidDomain(_ domain: String) -> Bool {
        !domain.isEmpty && domain.utf8.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
            && domain.first != "." && domain.last != "." && !domain.contains("..")
    }

    static func fnv1a128(_ bytes: some Sequence<UInt8>) -> UInt128 {
        var hash: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
        let prime: UInt128 = 0x0000_0000_0100_0000_0000_0000_0000_013B
        for byte in bytes {
            hash ^= UInt128(byte)
            hash = hash &* prime
        }
        return hash
    }

    static func hex128(_ value: UInt128) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 32)
        var v = value
        for i in stride(from: 31, through: 0, by: -1) {
            out[i] = digits[Int(v & 0xF)]
            v >>= 4
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Letters, digits, '-' and '_' pass; every other byte becomes `=XX` (both are atext).
    static func atom(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            if isAlnum(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "="))
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0xF)])
            }
        }
        return out.isEmpty ? "_" : String(decoding: out, as: UTF8.self)
    }

    /// The domain as configured when valid (the composer rejects an invalid one before this).
    private static func domainAtom(_ domain: String) -> String {
        isValidDomain(domain) ? domain : atom(domain)
    }

    private static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
