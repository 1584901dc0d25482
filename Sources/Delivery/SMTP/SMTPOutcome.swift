import Curl

/// The classification of one SMTP submission.
///
/// | what happened | result |
/// |---|---|
/// | transfer completed (server said 250 to the data) | delivered (`SMTP 250 via smtp://host:587 (3 recipients)`) |
/// | 4xx reply at any step (421, 450, 451, 452) | retry |
/// | 5xx reply (550 recipient refused, 554 message refused, 535 credentials refused) | permanent |
/// | AUTH refused without a 4xx (`CURLE_LOGIN_DENIED`) | permanent |
/// | bad URL, plain SMTP to a remote host, address with CR/LF/`<>`, no recipients | permanent |
/// | timeout, refused/reset connection, DNS, TLS (incl. missing STARTTLS), shutdown | retry |
///
/// The permanent/temporary split is the Curl module's (``CurlError/isPermanentMailFailure``);
/// this type adds the operator's wording.
struct SMTPOutcome {
    /// The server URL without userinfo, query or a bare "/" path (``OperatorText/location(_:)``).
    let location: String
    /// `host:port` of the server.
    let authority: String
    let timeout: Duration
    let connectTimeout: Duration
    /// The result of this submission.
    private(set) var result: AttemptResult = .retry(error: "", retryAfter: nil)
    /// Whether a `RCPT TO` was refused with a 5xx (the trigger for one-transaction-per-recipient).
    private(set) var refusedRecipient = false
    /// Short reason for per-recipient summaries ("SMTP 550", "timeout").
    private(set) var reason = ""

    init(location: String, authority: String, timeout: Duration, connectTimeout: Duration) {
        self.location = location
        self.authority = authority
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }

    private var server: String { "mail server \(authority)" }

    func delivered(status: Int, recipients: Int) -> SMTPOutcome {
        var copy = self
        let count = recipients == 1 ? "1 recipient" : "\(recipients) recipients"
        copy.result = .delivered(detail: "SMTP \(status) via \(location) (\(count))")
        copy.reason = "SMTP \(status)"
        return copy
    }

    func interrupted(_ error: any Error) -> SMTPOutcome {
        var copy = self
        copy.result = .retry(error: "mail to \(location) interrupted (\(type(of: error))), not sent or not confirmed", retryAfter: nil)
        copy.reason = "interrupted"
        return copy
    }

    func classify(_ error: CurlError) -> SMTPOutcome {
        var copy = self
        let permanent = error.isPermanentMailFailure
        let text: String
        if let reply = error.smtpReplyCode {
            let detail = Self.curlMessage(error).map { ": \($0)" } ?? ""
            text = "SMTP \(reply) from \(location)\(detail)"
            copy.reason = "SMTP \(reply)"
            copy.refusedRecipient = reply >= 500 && (Self.curlMessage(error)?.hasPrefix("RCPT failed") ?? false)
        } else {
            (text, copy.reason) = describe(error)
        }
        copy.result = permanent ? .permanent(error: text) : .retry(error: text, retryAfter: nil)
        return copy
    }

    /// The result after one transaction per recipient, following a refused `RCPT` (see ``SMTPTransport``).
    func combine(delivered: Int, refused: [String], deferred: [String], of total: Int) -> AttemptResult {
        if refused.isEmpty && deferred.isEmpty {
            return .delivered(detail: "SMTP 250 via \(location) (\(total) recipients, one transaction each)")
        }
        var parts: [String] = []
        if !refused.isEmpty { parts.append("refused permanently: " + refused.joined(separator: ", ")) }
        if !deferred.isEmpty { parts.append("not delivered (temporary): " + deferred.joined(separator: ", ")) }
        parts.append("delivered to \(delivered) of \(total) recipients")
        let text = "\(server): " + parts.joined(separator: "; ")
        // A permanently refused address never succeeds: retrying would only resend to the others.
        return refused.isEmpty ? .retry(error: text, retryAfter: nil) : .permanent(error: text)
    }

    private func describe(_ error: CurlError) -> (text: String, reason: String) {
        let message = Self.curlMessage(error) ?? ""
        switch error {
        case .timeout:
            if OperatorText.isConnectTimeout(message) {
                return ("timeout after \(OperatorText.duration(connectTimeout)) connecting to \(server)", "timeout")
            }
            return ("timeout after \(OperatorText.duration(timeout)) talking to \(server)", "timeout")
        case .couldNotConnect:
            return ("cannot connect to \(server): \(message)", "connection failed")
        case .couldNotResolve:
            return ("cannot resolve \(server): \(message)", "DNS failure")
        case .tls:
            return ("TLS failure with \(server): \(message)", "TLS failure")
        case .transfer(_, let code, _) where code == 67:  // CURLE_LOGIN_DENIED
            return ("\(server) refused the SMTP credentials: \(message)", "login denied")
        case .invalidRequest(_, let reason):
            return ("mail to \(location) not sent: \(OperatorText.oneLine(reason))", "invalid request")
        case .shutDown:
            return ("mail to \(location) interrupted by shutdown", "shutdown")
        case .addressRefused(_, let address, let reason):
            return ("mail to \(location) not sent: \(server) is \(address), \(reason)", "address refused")
        case .protocolRefused, .tooManyRedirects, .bodyTooLarge, .transfer:
            return ("mail to \(location) failed: \(message)", "transfer failed")
        }
    }

    /// curl's own message, sanitised, without the "SMTP 550: " prefix the Curl module adds.
    private static func curlMessage(_ error: CurlError) -> String? {
        let raw: String
        switch error {
        case .timeout(_, _, let text), .tooManyRedirects(_, _, let text), .couldNotResolve(_, _, let text),
            .couldNotConnect(_, _, let text), .tls(_, _, let text), .protocolRefused(_, _, let text),
            .transfer(_, _, let text):
            raw = text
        case .bodyTooLarge, .invalidRequest, .shutDown, .addressRefused:
            return nil
        }
        var text = Substring(raw)
        if error.smtpReplyCode != nil, let colon = text.firstIndex(of: ":") {
            text = text[text.index(after: colon)...]
        }
        let line = OperatorText.oneLine(String(text))
        return line.isEmpty ? nil : line
    }
}
