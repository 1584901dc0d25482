/// Who alert e-mails come from: the operator's `[email]` settings.
public struct EmailSettings: Sendable, Hashable {
    /// Envelope sender and From address, e.g. "varselvakt@ks.no". Plain ASCII address.
    public var from: String
    /// Display name in From, e.g. "KS varselvakt"; RFC 2047-encoded when not ASCII.
    public var fromName: String
    /// Right-hand side of every Message-ID ("varselvakt.ks.no"). Changing it breaks threading
    /// of updates to notices alerted before the change, so set it once.
    public var messageIDDomain: String

    public init(from: String, fromName: String, messageIDDomain: String) {
        self.from = from
        self.fromName = fromName
        self.messageIDDomain = messageIDDomain
    }
}

/// One alert e-mail, ready for SMTP submission.
public struct ComposedEmail: Sendable, Hashable {
    /// The Message-ID header's value, angle brackets included.
    public var messageID: String
    /// The subject as text (before RFC 2047 encoding), for logs and history.
    public var subject: String
    /// Envelope recipients (RCPT TO): the subscriber's addresses; all share this one message.
    public var recipients: [String]
    /// Envelope sender (MAIL FROM).
    public var from: String
    /// The whole RFC 5322 message: 7-bit ASCII, CRLF line ends, headers folded to 78 characters
    /// (only a long notice id in X-Varselvakt-Notice stays on one line, within 998), body lines
    /// of at most 76 (quoted-printable).
    public var data: [UInt8]

    public init(messageID: String, subject: String, recipients: [String], from: String, data: [UInt8]) {
        self.messageID = messageID
        self.subject = subject
        self.recipients = recipients
        self.from = from
        self.data = data
    }
}
