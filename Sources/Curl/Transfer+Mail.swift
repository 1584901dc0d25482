import CCurl

/// SMTP submission: the envelope, TLS policy and AUTH options of a ``MailOptions`` request, and
/// the reply code that failed mail errors carry.
extension Transfer {
    /// Validates before anything is set, so a refused request never opens a connection.
    func configureMail(_ mail: MailOptions) throws(CurlError) {
        try validateSecurity(mail.security)
        let envelope = mail.envelope
        guard !envelope.recipients.isEmpty else { throw .invalidRequest(url: url, reason: "mail has no recipients") }
        for address in [envelope.from] + envelope.recipients {
            // Bytes, not Characters: "\r\n" is one Character. Angle brackets would let an address
            // close the path and append ESMTP parameters (`a@b> NOTIFY=...`).
            if address.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 || $0 == 60 || $0 == 62 }) {
                throw .invalidRequest(
                    url: url, reason: "mail address \(address.debugDescription) contains CR/LF/NUL or angle brackets")
            }
        }
        for (index, recipient) in envelope.recipients.enumerated() where recipient.isEmpty {
            throw .invalidRequest(url: url, reason: "mail recipient #\(index + 1) is empty")
        }
        try check(vv_easy_setopt_str(easy, CURLOPT_MAIL_FROM, "<\(envelope.from)>"), "CURLOPT_MAIL_FROM")
        for recipient in envelope.recipients {
            guard let appended = curl_slist_append(recipientList, "<\(recipient)>") else {
                throw .invalidRequest(url: url, reason: "curl_slist_append failed")
            }
            recipientList = appended
        }
        try check(vv_easy_setopt_slist(easy, CURLOPT_MAIL_RCPT, recipientList), "CURLOPT_MAIL_RCPT")
        if mail.security == .startTLSRequired {
            try check(vv_easy_setopt_long(easy, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)), "CURLOPT_USE_SSL")
        }
        if let credentials = mail.credentials {
            try check(vv_easy_setopt_str(easy, CURLOPT_USERNAME, credentials.username), "CURLOPT_USERNAME")
            try check(vv_easy_setopt_str(easy, CURLOPT_PASSWORD, credentials.password), "CURLOPT_PASSWORD")
        }
        try check(vv_easy_setopt_long(easy, CURLOPT_UPLOAD, 1), "CURLOPT_UPLOAD")
        try check(vv_easy_setopt_off(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.count)), "CURLOPT_INFILESIZE_LARGE")
        try configureUpload()
    }

    /// The scheme must match the policy, and plain SMTP may only reach this machine. The host is
    /// taken from curl's own URL parser (``CurlURL``), the one that will connect.
    private func validateSecurity(_ security: MailSecurity) throws(CurlError) {
        let parsed = try CurlURL(url)
        switch security {
        case .startTLSRequired:
            guard parsed.scheme == "smtp" else {
                throw .invalidRequest(url: url, reason: "STARTTLS needs an smtp:// URL, not \(parsed.scheme)://")
            }
        case .implicitTLS:
            guard parsed.scheme == "smtps" else {
                throw .invalidRequest(url: url, reason: "implicit TLS needs an smtps:// URL, not \(parsed.scheme)://")
            }
        case .none:
            guard parsed.scheme == "smtp" else {
                throw .invalidRequest(url: url, reason: "plain SMTP needs an smtp:// URL, not \(parsed.scheme)://")
            }
            guard parsed.isLoopback else {
                throw .invalidRequest(
                    url: url, reason: "plain SMTP without TLS is only allowed to a loopback host, not \(parsed.host ?? "(none)")")
            }
        }
    }

    /// `"SMTP 550: "` when a failed mail transfer ended on a 4xx/5xx server reply, else `""`.
    /// ``CurlError/smtpReplyCode`` reads it back; curl reports such refusals as generic codes
    /// (a refused MAIL/RCPT/DATA is `CURLE_SEND_ERROR` 55, a refused end of data
    /// `CURLE_WEIRD_SERVER_REPLY` 8, failed AUTH `CURLE_LOGIN_DENIED` 67), so the reply is the only
    /// reliable signal of what the server meant.
    func mailReplyPrefix() -> String {
        guard isMail else { return "" }
        var reply = 0
        vv_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &reply)
        return (400..<600).contains(reply) ? "\(CurlError.smtpReplyPrefix)\(reply): " : ""
    }
}

extension CurlError {
    static let smtpReplyPrefix = "SMTP "

    /// The mail server's 4xx/5xx reply that ended a failed SMTP submission (550 for a rejected
    /// recipient, 535 for refused credentials, 421/451 for "try later"), or `nil` when the failure
    /// was not a server reply (network, timeout, TLS, invalid request) or the request was not mail.
    /// The message of such an error starts with `SMTP <code>: `.
    public var smtpReplyCode: Int? {
        let message: String
        switch self {
        case .timeout(_, _, let text), .tooManyRedirects(_, _, let text), .couldNotResolve(_, _, let text),
            .couldNotConnect(_, _, let text), .tls(_, _, let text), .protocolRefused(_, _, let text),
            .transfer(_, _, let text):
            message = text
        case .bodyTooLarge, .invalidRequest, .shutDown, .addressRefused:
            return nil
        }
        guard message.hasPrefix(Self.smtpReplyPrefix) else { return nil }
        let digits = message.dropFirst(Self.smtpReplyPrefix.count).prefix(4)
        guard digits.count == 4, digits.last == ":", let reply = Int(digits.dropLast()) else { return nil }
        return reply
    }

    /// Whether retrying the same submission cannot help, so the message should be given up (and
    /// the operator told) instead of queued for retry:
    /// - a 5xx reply (recipient or sender refused, message rejected, 535 credentials refused);
    /// - `CURLE_LOGIN_DENIED` (67) without a 4xx reply;
    /// - ``invalidRequest(url:reason:)`` (bad address, plain SMTP to a remote host, bad URL).
    ///
    /// Everything else is temporary: 4xx replies, refused connections, DNS, timeouts, TLS failures
    /// (a certificate problem is alarmed on its own and may be fixed while the message waits) and
    /// ``shutDown(url:)``.
    public var isPermanentMailFailure: Bool {
        if let reply = smtpReplyCode { return reply >= 500 }
        switch self {
        case .invalidRequest: return true
        case .transfer(_, let code, _): return code == Int(CURLE_LOGIN_DENIED.rawValue)
        default: return false
        }
    }
}
