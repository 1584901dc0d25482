import HummingbirdBcrypt
import VarselConfig

/// The login form's question "is this the password of this user?", answered in the same time
/// whether or not the user exists: an unknown name is checked against a dummy hash of the same
/// cost, so the response time does not tell an attacker which names are real.
struct PasswordCheck: Sendable {
    let hashes: [String: String]
    let dummyHash: String
    let verifier: PasswordVerifier

    init(users: [WebConfig.User], verifier: PasswordVerifier) {
        hashes = Dictionary(users.map { ($0.name, $0.passwordHash) }, uniquingKeysWith: { first, _ in first })
        // The dearest cost among the real hashes, so the dummy is never the cheaper path.
        let cost = users.compactMap { UInt8($0.passwordHash.dropFirst(4).prefix(2)) }.max() ?? 4
        dummyHash = users.isEmpty ? "" : Bcrypt.hash(RandomToken.hex(bytes: 16), cost: max(4, min(cost, 31)))
        self.verifier = verifier
    }

    /// Whether `password` is `user`'s password. Always runs exactly one verification.
    func check(user: String, password: String) async -> Bool {
        guard let hash = hashes[user] else {
            _ = await verifier.verify(password, dummyHash)
            return false
        }
        return await verifier.verify(password, hash)
    }
}
