public import Foundation
public import VarselConfig

/// How the web server runs: what `[web]` says, plus the parts of security that touch time and
/// bcrypt, passed in so a test can count and fast-forward them instead of waiting.
public struct WebSettings: Sendable {
    public var listen: WebListenAddress
    /// Login names and their bcrypt hashes.
    public var users: [WebConfig.User]
    /// Token names and the SHA-256 (hex) of each token.
    public var tokens: [WebConfig.Token]
    public var secureCookie: Bool
    public var sessionLifetime: Duration
    /// Checks a password against a bcrypt hash (`PasswordVerifier.bcrypt` off the cooperative pool).
    public var verifier: PasswordVerifier
    /// The time now (sessions, login slowing).
    public var now: @Sendable () -> Date
    /// Waits before a login attempt after failures; `Task.sleep` in the daemon.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// How failed logins slow the next ones.
    public var throttle: LoginThrottle.Policy

    public init(
        listen: WebListenAddress = .defaultAddress, users: [WebConfig.User] = [], tokens: [WebConfig.Token] = [],
        secureCookie: Bool = false, sessionLifetime: Duration = .seconds(12 * 3600), verifier: PasswordVerifier = .bcrypt,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        throttle: LoginThrottle.Policy = LoginThrottle.Policy()
    ) {
        self.listen = listen
        self.users = users
        self.tokens = tokens
        self.secureCookie = secureCookie
        self.sessionLifetime = sessionLifetime
        self.verifier = verifier
        self.now = now
        self.sleep = sleep
        self.throttle = throttle
    }

    /// The settings `[web]` asks for, with the real clock and bcrypt.
    public init(_ config: WebConfig) {
        self.init(
            listen: config.listen, users: config.users, tokens: config.tokens, secureCookie: config.secureCookie,
            sessionLifetime: config.sessionLifetime)
    }

    /// Whether anyone must prove who they are. Without users and tokens (loopback only) every
    /// request is the operator "local".
    public var requiresCredentials: Bool { !users.isEmpty || !tokens.isEmpty }

    /// Refuses an address other machines can reach when nobody has to log in: anyone on the
    /// network could then read who was told what, and send deliveries again.
    public func checkExposure() throws(WebServerError) {
        if !listen.isLoopback && !requiresCredentials {
            throw .unprotectedListen(address: listen.description)
        }
    }
}
