public import Curl

/// Submits one message to the configured mail server over the shared ``CurlClient``.
///
/// Security is the Curl module's: ``MailSecurity/startTLSRequired`` refuses a server without
/// STARTTLS before anything but EHLO is sent, ``MailSecurity/none`` is only accepted for a
/// loopback host (a local relay), and addresses with CR/LF/angle brackets are refused before
/// connecting. The password is handed to curl and appears in no result string.
///
/// One message, many recipients: the message is submitted once with one `RCPT TO` per recipient
/// and the server fans it out. curl aborts such a transaction at the first refused `RCPT` (we do
/// not set `CURLOPT_MAIL_RCPT_ALLOWFAILS`, which would silently drop the refused address without
/// telling us which). So when a `RCPT` is refused permanently (5xx) and there are several
/// recipients, the transport falls back to one transaction per recipient: the good addresses get
/// the message, and the result is ``AttemptResult/permanent(error:)`` naming the refused
/// addresses (and any deferred ones) and how many were delivered, so the operator fixes the
/// address and nothing is resent (no duplicates to those who got it). See ``SMTPOutcome`` for the
/// classification.
///
/// Connection reuse: the client's multi handle keeps the SMTP connection open after a
/// submission, and the next one to the same server starts with `MAIL FROM` on it (no new TCP,
/// EHLO, STARTTLS or AUTH).
public struct SMTPTransport: Sendable {
    private let client: CurlClient
    private let url: String
    private let security: MailSecurity
    private let credentials: MailCredentials?
    private let timeout: Duration
    private let connectTimeout: Duration
    /// The server as error strings name it (no userinfo), computed once.
    private let location: String
    private let authority: String

    /// - Parameters:
    ///   - url: `smtp://host:587` (STARTTLS or, to loopback, plain) or `smtps://host:465`.
    ///   - credentials: SMTP AUTH, `nil` for none.
    ///   - timeout: one whole submission (connect, TLS, AUTH, envelope, data).
    public init(
        client: CurlClient, url: String, security: MailSecurity, credentials: MailCredentials?, timeout: Duration,
        connectTimeout: Duration
    ) {
        self.client = client
        self.url = url
        self.security = security
        self.credentials = credentials
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.location = OperatorText.location(url)
        self.authority = OperatorText.authority(url)
    }

    /// Submits `message` (complete RFC 5322 bytes, CRLF line endings) from envelope sender `from`
    /// to every address in `recipients`. Never throws; see the type's documentation for the
    /// several-recipients rule. Cancellation (shutdown) gives `.retry`.
    public func send(from: String, recipients: [String], message: [UInt8]) async -> AttemptResult {
        let outcome = await submit(from: from, recipients: recipients, message: message)
        guard outcome.refusedRecipient, recipients.count > 1 else { return outcome.result }
        var delivered = 0
        var refused: [String] = []
        var deferred: [String] = []
        for recipient in recipients {
            let single = await submit(from: from, recipients: [recipient], message: message)
            let name = OperatorText.oneLine(recipient, limit: 120)
            switch single.result {
            case .delivered: delivered += 1
            case .permanent: refused.append("\(name) (\(single.reason))")
            case .retry: deferred.append("\(name) (\(single.reason))")
            }
        }
        return outcome.combine(
            delivered: delivered, refused: refused, deferred: deferred, of: recipients.count)
    }

    private func submit(from: String, recipients: [String], message: [UInt8]) async -> SMTPOutcome {
        var request = CurlRequest.mail(
            url: url, envelope: MailEnvelope(from: from, recipients: recipients), message: message, security: security,
            credentials: credentials)
        request.totalTimeout = timeout
        request.connectTimeout = connectTimeout
        let outcome = SMTPOutcome(location: location, authority: authority, timeout: timeout, connectTimeout: connectTimeout)
        do {
            let response = try await client.perform(request)
            return outcome.delivered(status: response.statusCode, recipients: recipients.count)
        } catch let error as CurlError {
            return outcome.classify(error)
        } catch {
            return outcome.interrupted(error)
        }
    }
}
