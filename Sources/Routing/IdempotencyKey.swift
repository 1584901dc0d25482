import Crypto
public import VarselModel

/// The key an outbox row carries so a receiver can drop a redelivery (at-least-once delivery
/// means a crash between "sent" and "marked sent" sends again).
///
/// Why a hash and not the raw triple: the key goes into a webhook header and an e-mail header,
/// where subscriber ids (free text in subscribers.toml) could carry characters those headers
/// cannot; a hash is opaque, fixed-length and header-safe. Deterministic: the same
/// (change, subscriber, channel) gives the same key on every call, in every process and version
/// of varselvakt that keeps the `v1` prefix. Cannot fail.
public enum IdempotencyKey {
    /// Lower-case hex of the first 16 bytes (32 hex digits) of
    /// SHA-256("varselvakt/v1/<changeID>/<subscriber>/<channel>").
    public static func make(changeID: Int64, subscriber: SubscriberID, channel: DeliveryChannel) -> String {
        make(prefix: prefix(changeID: changeID), suffix: suffix(subscriber: subscriber, channel: channel))
    }

    /// "varselvakt/v1/<changeID>" as bytes: computed once per routed change.
    static func prefix(changeID: Int64) -> [UInt8] {
        Array("varselvakt/v1/\(changeID)".utf8)
    }

    /// "/<subscriber>/<channel>" as bytes: computed once per subscriber and channel when the
    /// router is built, so routing a change hashes without building strings.
    static func suffix(subscriber: SubscriberID, channel: DeliveryChannel) -> [UInt8] {
        Array("/\(subscriber.rawValue)/\(channel.rawValue)".utf8)
    }

    static func make(prefix: [UInt8], suffix: [UInt8]) -> String {
        var hasher = SHA256()
        prefix.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        suffix.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let digest = hasher.finalize()
        return digest.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: 32) { out in
                let digits: StaticString = "0123456789abcdef"
                let table = digits.utf8Start
                for index in 0..<16 {
                    let byte = bytes[index]
                    out[2 * index] = table[Int(byte >> 4)]
                    out[2 * index + 1] = table[Int(byte & 0x0F)]
                }
                return 32
            }
        }
    }
}
