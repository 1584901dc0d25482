extension WebConfig {
    /// `[web]`: `enabled`, `listen`, `behind_tls`, `secure_cookie`, `session_lifetime`, and the
    /// `[[web.users]]` (`name`, `password_hash`) and `[[web.tokens]]` (`name`, `sha256`) tables.
    init(from reader: TableReader) throws(ConfigError) {
        let enabled = try reader.bool("enabled")
        var listen = WebListenAddress.defaultAddress
        if let text = try reader.nonEmptyString("listen") {
            switch WebListenAddress.parse(text) {
            case .success(let address): listen = address
            case .failure(let problem): throw reader.invalid("listen", problem.message)
            }
        }
        let behindTLS = try reader.bool("behind_tls") ?? false
        let secureCookie = try reader.bool("secure_cookie")
        let lifetime = try reader.duration("session_lifetime", atLeast: .seconds(60))
        let userReaders = try reader.arrayOfTables("users") ?? []
        let tokenReaders = try reader.arrayOfTables("tokens") ?? []
        try reader.rejectUnknownKeys()

        var users: [User] = []
        for user in userReaders {
            let name = try Self.name(user)
            let hash = try user.requiredNonEmptyString(
                "password_hash", expected: "a bcrypt hash (\"$2b$12$...\"; `varselvakt web hash-password` makes one)")
            if let problem = BcryptHashRule.problem(with: hash) { throw user.invalid("password_hash", problem) }
            try user.rejectUnknownKeys()
            users.append(User(name: name, passwordHash: hash))
        }
        try Self.rejectDuplicateNames(users.map(\.name), readers: userReaders)
        var tokens: [Token] = []
        for token in tokenReaders {
            let name = try Self.name(token)
            let digest = try token.requiredNonEmptyString(
                "sha256", expected: "the token's SHA-256 in hex (`varselvakt web new-token` prints one)")
            let lowered = digest.lowercased()
            guard lowered.count == 64, lowered.allSatisfy({ $0.isHexDigit }) else {
                throw token.invalid(
                    "sha256", "must be 64 hex digits (the SHA-256 of the token, not the token itself)")
            }
            try token.rejectUnknownKeys()
            tokens.append(Token(name: name, sha256: lowered))
        }
        try Self.rejectDuplicateNames(tokens.map(\.name), readers: tokenReaders)
        self.init(
            enabled: enabled ?? true, listen: listen, users: users, tokens: tokens, behindTLS: behindTLS,
            secureCookie: secureCookie, sessionLifetime: lifetime ?? .seconds(12 * 3600))
    }

    /// A user's or token's `name`: required, printable (it is logged and shown on pages).
    private static func name(_ reader: TableReader) throws(ConfigError) -> String {
        let name = try reader.requiredNonEmptyString("name", expected: "a string: who this is")
        guard !TextRules.hasControlCharacters(name), name.count <= 100 else {
            throw reader.invalid("name", "must be at most 100 characters without control characters or line breaks")
        }
        return name
    }

    private static func rejectDuplicateNames(_ names: [String], readers: [TableReader]) throws(ConfigError) {
        var firstIndex: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let first = firstIndex[name] {
                let reader = readers[index]
                throw .duplicate(
                    file: reader.file, line: reader.line(of: "name"), key: reader.keyPath("name"), value: name,
                    firstLine: readers[first].line(of: "name"))
            }
            firstIndex[name] = index
        }
    }
}

/// What a bcrypt hash looks like: `$2b$` (or `$2a$`, `$2y$`), a two-digit cost 04...31, `$`, then
/// 53 characters of bcrypt's base64 (22 salt + 31 hash).
enum BcryptHashRule {
    static func problem(with hash: String) -> String? {
        let bytes = Array(hash.utf8)
        let alphabet = Set("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        guard bytes.count == 60, hash.hasPrefix("$2a$") || hash.hasPrefix("$2b$") || hash.hasPrefix("$2y$"),
            bytes[6] == UInt8(ascii: "$"), let cost = Int(String(decoding: bytes[4..<6], as: UTF8.self)),
            bytes[7...].allSatisfy({ alphabet.contains($0) })
        else {
            return "is not a bcrypt hash (expected \"$2b$12$\" followed by 53 characters; "
                + "make one with `varselvakt web hash-password`)"
        }
        guard (4...31).contains(cost) else { return "bcrypt cost \(cost) is out of range; allowed 4...31" }
        return nil
    }
}
