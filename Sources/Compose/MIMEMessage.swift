/// The RFC 5322 message around two rendered bodies: headers, then a multipart/alternative
/// with the text part first and the HTML part last (RFC 2046: the preferred part comes last).
struct MIMEMessage {
    var from: (name: String, address: String)
    var to: [String]
    var subject: String
    var date: String
    var messageID: String
    /// The root Message-ID when this alert follows an earlier one.
    var inReplyTo: String?
    var idempotencyKey: String
    var noticeID: String
    /// The parts, encoded but for the subscriber's name.
    var text: EncodedBody
    var html: EncodedBody
    var name: String

    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(2048 + text.estimatedSize + html.estimatedSize)
        HeaderField.plain("Date", [date], into: &out)
        HeaderField.mailbox(name: from.name, address: from.address, field: "From", into: &out)
        HeaderField.plain("To", to, into: &out)
        HeaderField.encoded("Subject", subject, into: &out)
        HeaderField.plain("Message-ID", [messageID], into: &out)
        if let root = inReplyTo {
            HeaderField.plain("In-Reply-To", [root], into: &out)
            HeaderField.plain("References", [root], into: &out)
        }
        HeaderField.plain("MIME-Version", ["1.0"], into: &out)
        HeaderField.plain("Content-Type", ["multipart/alternative;", "boundary=\"\(boundary)\""], separator: " ", into: &out)
        HeaderField.plain("Auto-Submitted", ["auto-generated"], into: &out)
        HeaderField.plain("X-Varselvakt-Idempotency-Key", [idempotencyKey], into: &out)
        if HeaderField.isPlainASCII(noticeID), "X-Varselvakt-Notice: ".utf8.count + noticeID.utf8.count <= 998 {
            HeaderField.plain("X-Varselvakt-Notice", [noticeID], into: &out)
        } else {
            HeaderField.encoded("X-Varselvakt-Notice", noticeID, into: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
        HeaderField.append("This is a multi-part message in MIME format.\r\n", into: &out)
        part("text/plain", text, html: false, into: &out)
        part("text/html", html, html: true, into: &out)
        HeaderField.append("\r\n--\(boundary)--\r\n", into: &out)
        return out
    }

    /// Starts with "=_", which quoted-printable output can never contain ("=" is always
    /// followed by two hex digits or a line end), so the boundary cannot occur in a part.
    /// Derived from the Message-ID so the same delivery gives the same bytes.
    var boundary: String {
        "=_vv_" + MessageID.hex128(MessageID.fnv1a128(messageID.utf8))
    }

    private func part(_ type: String, _ body: EncodedBody, html: Bool, into out: inout [UInt8]) {
        HeaderField.append("\r\n--\(boundary)\r\n", into: &out)
        HeaderField.append("Content-Type: \(type); charset=utf-8\r\n", into: &out)
        HeaderField.append("Content-Transfer-Encoding: quoted-printable\r\n\r\n", into: &out)
        body.encode(name: name, html: html, into: &out)
    }
}
