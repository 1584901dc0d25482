import Crypto
public import VarselModel

/// The `Varselvakt-Signature` header: `t=<unix seconds>,v1=<lowercase hex HMAC-SHA256>`, where the
/// MAC is computed with the subscriber's secret over the bytes `"<t>." + raw body`.
///
/// Why this shape (the one Stripe and others use): the timestamp is inside the signed bytes, so a
/// captured request cannot be replayed later with a fresh timestamp, and a receiver rejects
/// anything older than a few minutes; `v1` names the scheme so a future one can be sent
/// alongside. A receiver must verify over the raw body bytes as received, before parsing JSON.
///
/// The secret never leaves this type: it is neither logged nor part of any returned string.
public struct WebhookSignature: Sendable {
    /// The header value for `body` signed with `secret` at `timestamp` (Unix seconds).
    public static func header(body: [UInt8], secret: Secret, timestamp: Int) -> String {
        "t=\(timestamp),v1=\(hex(mac(body: body, secret: secret, timestamp: timestamp)))"
    }

    /// Whether `header` carries a `v1` signature of `body` under `secret` whose timestamp is
    /// within `tolerance` seconds of `now` (either side, to forgive clock skew).
    ///
    /// Fails closed: a missing or non-numeric `t`, no `v1`, a `v1` that is not 64 hex digits, or
    /// a stale timestamp gives `false`. Several `v1` entries are allowed (any match passes, e.g.
    /// during a secret rotation). The MAC comparison is constant-time.
    public static func verify(header: String, body: [UInt8], secret: Secret, now: Int, tolerance: Int = 300) -> Bool {
        var timestamp: Int?
        var candidates: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let key = pair[0].trimmingSpaces, value = pair[1].trimmingSpaces
            if key == "t" {
                guard timestamp == nil, let parsed = Int(value) else { return false }
                timestamp = parsed
            } else if key == "v1", let bytes = unhex(value), bytes.count == SHA256.byteCount {
                candidates.append(bytes)
            }
        }
        guard let timestamp, !candidates.isEmpty else { return false }
        let (skew, overflow) = now.subtractingReportingOverflow(timestamp)
        guard !overflow, skew.magnitude <= tolerance.magnitude else { return false }
        let key = SymmetricKey(data: Array(secret.value.utf8))
        let signed = signedBytes(body: body, timestamp: timestamp)
        return candidates.contains { HMAC<SHA256>.isValidAuthenticationCode($0, authenticating: signed, using: key) }
    }

    private static func mac(body: [UInt8], secret: Secret, timestamp: Int) -> [UInt8] {
        let key = SymmetricKey(data: Array(secret.value.utf8))
        return Array(HMAC<SHA256>.authenticationCode(for: signedBytes(body: body, timestamp: timestamp), using: key))
    }

    private static func signedBytes(body: [UInt8], timestamp: Int) -> [UInt8] {
        Array("\(timestamp).".utf8) + body
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hex (either case) to bytes; `nil` for an odd length or a non-hex digit.
    private static func unhex(_ text: Substring) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
