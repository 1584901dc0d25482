/// `[web]`: KS support's web page, the JSON API, /metrics and the health endpoints, served by
/// `varselvakt run`.
///
/// Invariants (checked by the decoder): user and token names are unique and printable; every
/// password hash is a bcrypt hash (`$2a$`/`$2b$`/`$2y$`, cost 4...31); every token is stored as
/// the lowercase hex SHA-256 of the token, never the token itself. Whether a non-loopback
/// `listen` without credentials may start is the daemon's decision (it refuses), not the
/// loader's, so the CLI's other commands keep working with such a file.
public struct WebConfig: Sendable, Hashable {
    /// A person who may log in to the pages.
    public struct User: Sendable, Hashable {
        public var name: String
        /// The bcrypt hash (`varselvakt web hash-password` makes one).
        public var passwordHash: String

        public init(name: String, passwordHash: String) {
            self.name = name
            self.passwordHash = passwordHash
        }
    }

    /// A bearer token for the API and /metrics, known only by its SHA-256.
    public struct Token: Sendable, Hashable {
        /// Who holds the token (shown in logs and as the operator of actions taken through it).
        public var name: String
        /// 64 lowercase hex digits: SHA-256 of the token (`varselvakt web new-token` prints both).
        public var sha256: String

        public init(name: String, sha256: String) {
            self.name = name
            self.sha256 = sha256
        }
    }

    /// `false` turns the web server off entirely.
    public var enabled: Bool
    public var listen: WebListenAddress
    public var users: [User]
    public var tokens: [Token]
    /// A TLS-terminating proxy stands in front (then cookies default to Secure).
    public var behindTLS: Bool
    /// Whether the session cookie carries `Secure`; defaults to `behindTLS`.
    public var secureCookie: Bool
    /// How long a login lasts.
    public var sessionLifetime: Duration

    public init(
        enabled: Bool = true, listen: WebListenAddress = .defaultAddress, users: [User] = [], tokens: [Token] = [],
        behindTLS: Bool = false, secureCookie: Bool? = nil, sessionLifetime: Duration = .seconds(12 * 3600)
    ) {
        self.enabled = enabled
        self.listen = listen
        self.users = users
        self.tokens = tokens
        self.behindTLS = behindTLS
        self.secureCookie = secureCookie ?? behindTLS
        self.sessionLifetime = sessionLifetime
    }

    /// Whether any credential is configured: then every page and API call needs one.
    public var hasCredentials: Bool { !users.isEmpty || !tokens.isEmpty }
}
