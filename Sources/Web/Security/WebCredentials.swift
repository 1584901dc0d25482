import Crypto
import HummingbirdBcrypt

/// Makes the values `[web]` stores: a bcrypt hash of a password, and a new API token with its
/// SHA-256 (only the digest goes into the config; the token is shown once).
public enum WebCredentials {
    /// A bcrypt hash of `password` at `cost` (4...31; 12 takes about a quarter of a second).
    public static func hashPassword(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: min(max(cost, 4), 31))
    }

    /// A fresh random token (256 bits, hex) and the lowercase hex SHA-256 to configure.
    public static func newToken() -> (token: String, sha256: String) {
        let token = RandomToken.hex(bytes: 32)
        return (token, sha256(of: token))
    }

    /// The lowercase hex SHA-256 of a token, as `[[web.tokens]] sha256` wants it.
    public static func sha256(of token: String) -> String {
        Array(SHA256.hash(data: Array(token.utf8))).hexString
    }
}
