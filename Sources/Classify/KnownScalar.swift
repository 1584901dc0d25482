/// What the byte-level tokenisers know about one Unicode scalar of UTF-8 text, without asking the
/// Unicode tables (`Character.isLetter` and friends cost a property lookup per character).
///
/// Why a closed list: the fast paths must give exactly what the `Character`-based definitions
/// give (`WordText.words(of:)`, `DateToken.legacyTokens`). That is guaranteed only for scalars
/// whose properties are known here: ASCII, the Latin-1 letters (æøå, é, ü...) and the handful of
/// punctuation marks the feeds use (non-breaking space, zero-width space, « », dashes, curly
/// quotes, bullet, ellipsis). None of them is a grapheme extender, so each is one `Character`; all letters are
/// in NFC and lower-case by adding 0x20 to one byte. Any other scalar makes `read` return nil, and
/// the caller tokenises that text the slow, `Character`-based way (correct for all of Unicode).
/// `KnownScalarTests` checks every scalar listed here against the standard library's answers.
struct KnownScalar {
    enum Kind: UInt8 { case letter, digit, whitespace, other }

    var kind: Kind
    /// Bytes the scalar takes (1-3).
    var width: Int
    /// Lower-cased first byte (letters; for others the byte itself).
    var lead: UInt8
    /// Lower-cased second byte of a two-byte letter; unused otherwise.
    var trail: UInt8
    /// Which date-relevant punctuation mark this is (`other` only).
    var symbol: DateSymbol

    /// The scalar starting at `index` of valid UTF-8 `bytes`, or nil when it is not in the closed list.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> KnownScalar? {
        let byte = bytes[index]
        if byte < 0x80 { return ascii(byte) }
        let end = bytes.count
        if byte == 0xC3, index + 1 < end {
            let second = bytes[index + 1]
            if second == 0x97 || second == 0xB7 {  // × ÷
                return KnownScalar(kind: .other, width: 2, lead: byte, trail: second, symbol: .none)
            }
            let lower = second >= 0x80 && second <= 0x9E ? second + 0x20 : second
            return KnownScalar(kind: .letter, width: 2, lead: byte, trail: lower, symbol: .none)
        }
        if byte == 0xC2, index + 1 < end {
            switch bytes[index + 1] {
            case 0xA0: return KnownScalar(kind: .whitespace, width: 2, lead: byte, trail: 0xA0, symbol: .none)
            case 0xA7, 0xAB, 0xB0, 0xBB: return KnownScalar(kind: .other, width: 2, lead: byte, trail: 0, symbol: .none)
            default: return nil
            }
        }
        if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80 {
            switch bytes[index + 2] {
            case 0x93: return KnownScalar(kind: .other, width: 3, lead: byte, trail: 0, symbol: .enDash)
            case 0x94: return KnownScalar(kind: .other, width: 3, lead: byte, trail: 0, symbol: .emDash)
            case 0x8B, 0x90, 0x91, 0x92, 0x98, 0x99, 0x9C, 0x9D, 0xA2, 0xA6:  // zero-width space, dashes, quotes, bullet, ellipsis
                return KnownScalar(kind: .other, width: 3, lead: byte, trail: 0, symbol: .none)
            default: return nil
            }
        }
        return nil
    }

    @inline(__always)
    private static func ascii(_ byte: UInt8) -> KnownScalar {
        switch byte {
        case 0x61...0x7A: return KnownScalar(kind: .letter, width: 1, lead: byte, trail: 0, symbol: .none)
        case 0x41...0x5A: return KnownScalar(kind: .letter, width: 1, lead: byte + 0x20, trail: 0, symbol: .none)
        case 0x30...0x39: return KnownScalar(kind: .digit, width: 1, lead: byte, trail: 0, symbol: .none)
        case 0x09...0x0D, 0x20: return KnownScalar(kind: .whitespace, width: 1, lead: byte, trail: 0, symbol: .none)
        case 0x2D: return KnownScalar(kind: .other, width: 1, lead: byte, trail: 0, symbol: .hyphen)
        case 0x2E: return KnownScalar(kind: .other, width: 1, lead: byte, trail: 0, symbol: .dot)
        case 0x3A: return KnownScalar(kind: .other, width: 1, lead: byte, trail: 0, symbol: .colon)
        case 0x2F: return KnownScalar(kind: .other, width: 1, lead: byte, trail: 0, symbol: .slash)
        default: return KnownScalar(kind: .other, width: 1, lead: byte, trail: 0, symbol: .none)
        }
    }

    /// Whether every scalar of `text` is in the closed list and is a lower-case letter or a digit:
    /// such a word compares equal byte for byte exactly when it compares equal as a `String`.
    static func isPlainLowercaseWord(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                guard let scalar = read(bytes, at: index), scalar.kind == .letter || scalar.kind == .digit,
                    scalar.lead == bytes[index], scalar.width == 1 || scalar.trail == bytes[index + 1]
                else { return false }
                index += scalar.width
            }
            return true
        }
    }
}

/// The punctuation marks the date grammar looks at. Everything else is `none`.
enum DateSymbol: UInt8, Sendable {
    case none, hyphen, enDash, emDash, dot, colon, slash

    var isDash: Bool { self == .hyphen || self == .enDash || self == .emDash }

    /// The mark a one-`Character` token is, by `Character` equality (the slow path's definition).
    init(_ character: Character) {
        switch character {
        case "-": self = .hyphen
        case "–": self = .enDash
        case "—": self = .emDash
        case ".": self = .dot
        case ":": self = .colon
        case "/": self = .slash
        default: self = .none
        }
    }
}
