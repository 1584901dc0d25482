/// The SMTP envelope of one message: who the server should bounce to (`MAIL FROM`) and who
/// receives it (`RCPT TO`), independent of the `From:`/`To:` headers inside the message.
///
/// Addresses are bare (`ops@example.org`); ``Transfer`` adds the angle brackets. An address
/// containing CR, LF, NUL, `<` or `>` would let a configured value inject SMTP commands or
/// parameters, so such a request fails with ``CurlError/invalidRequest(url:reason:)`` before
/// connecting. An empty `from` is the null reverse-path `<>` (no bounces).
public struct MailEnvelope: Sendable, Hashable {
    public var from: String
    /// At least one; the message is submitted once and the server fans it out.
    public var recipients: [String]

    public init(from: String, recipients: [String]) {
        self.from = from
        self.recipients = recipients
    }
}

/// How the connection to the mail server is protected.
public enum MailSecurity: Sendable, Hashable {
    /// `smtp://` with STARTTLS required (`CURLOPT_USE_SSL` = `CURLUSESSL_ALL`): a server that does not
    /// offer STARTTLS fails the transfer with ``CurlError/tls(url:code:message:)`` (curl 64) before
    /// anything but EHLO is sent. The default, port 587.
    case startTLSRequired
    /// `smtps://`: TLS from the first byte, port 465.
    case implicitTLS
    /// Plain `smtp://`, only to a loopback host (a local relay or a test server); any other host
    /// fails with ``CurlError/invalidRequest(url:reason:)`` before connecting.
    case none
}

/// SMTP AUTH credentials (`CURLOPT_USERNAME` / `CURLOPT_PASSWORD`). The password never appears in
/// `description`, in errors or in logs.
public struct MailCredentials: Sendable, Hashable, CustomStringConvertible {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    public var description: String { "MailCredentials(username: \(username.debugDescription), password: <redacted>)" }
}

/// Everything a request needs beyond an upload body to be an SMTP submission.
public struct MailOptions: Sendable, Hashable {
    public var envelope: MailEnvelope
    public var security: MailSecurity
    public var credentials: MailCredentials?

    public init(envelope: MailEnvelope, security: MailSecurity = .startTLSRequired, credentials: MailCredentials? = nil) {
        self.envelope = envelope
        self.security = security
        self.credentials = credentials
    }
}

extension CurlRequest {
    /// An SMTP submission of `message` (a complete RFC 5322 message with CRLF line endings; curl
    /// dot-stuffs lines starting with "." and appends the final CRLF if missing) to the server at
    /// `url` (`smtp://host:587` or, with ``MailSecurity/implicitTLS``, `smtps://host:465`).
    ///
    /// On success the response's `statusCode` is the server's last reply (250). On failure see
    /// ``CurlError/smtpReplyCode`` and ``CurlError/isPermanentMailFailure``.
    /// Defaults: 10 s connect, 60 s total, protocols `smtp,smtps` only.
    public static func mail(
        url: String, envelope: MailEnvelope, message: [UInt8], security: MailSecurity = .startTLSRequired,
        credentials: MailCredentials? = nil
    ) -> CurlRequest {
        var request = CurlRequest(url: url)
        request.mail = MailOptions(envelope: envelope, security: security, credentials: credentials)
        request.body = message
        request.totalTimeout = .seconds(60)
        request.allowedProtocols = "smtp,smtps"
        request.acceptEncoding = nil
        return request
    }
}
