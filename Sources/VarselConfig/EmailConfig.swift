public import VarselModel

/// The SMTP relay alerts are submitted to (`[email]`). Absent when no subscriber has e-mail
/// addresses, or when `[delivery] file_sink` writes mail to files instead.
public struct EmailConfig: Sendable, Hashable {
    /// `smtp://host[:port]` or `smtps://host[:port]`, without user name or password.
    public var url: String
    /// The envelope sender and From address, validated like subscribers' addresses.
    public var from: String
    /// The display name in From; never contains a line break.
    public var fromName: String
    public var security: EmailSecurity
    /// SMTP AUTH user, if the relay needs one; always set together with `password`.
    public var username: String?
    /// Read from the config, a file or an environment variable; never printed.
    public var password: Secret?
    /// Limit for submitting one message (connect, dialogue, body).
    public var timeout: Duration
    public var connectTimeout: Duration
    /// The right-hand side of the Message-IDs varselvakt makes (stable per notice and
    /// subscriber, so mail clients thread updates); by default the domain of `from`.
    public var messageIDDomain: String

    public init(
        url: String, from: String, fromName: String = "varselvakt", security: EmailSecurity = .starttls,
        username: String? = nil, password: Secret? = nil, timeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(10), messageIDDomain: String? = nil
    ) {
        self.url = url
        self.from = from
        self.fromName = fromName
        self.security = security
        self.username = username
        self.password = password
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.messageIDDomain = messageIDDomain ?? String(from.split(separator: "@").last ?? "localhost")
    }
}

/// How the SMTP connection is protected.
public enum EmailSecurity: String, Sendable, Hashable, CaseIterable {
    /// `smtp://`, STARTTLS required: a relay that does not offer it is an error, never a silent
    /// fall-back to clear text. The default (port 587).
    case starttls
    /// `smtps://`: TLS from the first byte (port 465).
    case tls
    /// Clear text; only to a loopback relay (a local MTA or a test server).
    case none
}
