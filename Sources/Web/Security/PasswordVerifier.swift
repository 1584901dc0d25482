import Dispatch
import HummingbirdBcrypt

/// Checks a password against a bcrypt hash. A value with a closure, so a test can count the
/// checks (an unknown user must cost one too) without timing anything.
public struct PasswordVerifier: Sendable {
    public var verify: @Sendable (_ password: String, _ hash: String) async -> Bool

    public init(verify: @escaping @Sendable (_ password: String, _ hash: String) async -> Bool) {
        self.verify = verify
    }

    /// bcrypt on a Dispatch worker thread: a check at cost 12 takes about a quarter of a
    /// second, which must not block one of the cooperative pool's two threads.
    public static let bcrypt = PasswordVerifier { password, hash in
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Bcrypt.verify(password, hash: hash))
            }
        }
    }
}
