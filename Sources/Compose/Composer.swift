public import Foundation
public import VarselModel

/// Turns one planned alert into what is sent: an e-mail (MIME, Norwegian, threaded per notice)
/// or a webhook body (versioned JSON). Pure: no I/O after `init`, no clock (the caller passes
/// the send date), so the same context always gives the same bytes.
///
/// Templates are operator-editable Mustache files (templates/ in the repository; see its
/// README.md for the values they can use), compiled once here. Build a new composer to pick up
/// edits (config reload).
public struct Composer: Sendable {
    private let templates: TemplateSet
    private let time: NorwegianTime
    private let apiNames: [String: String]
    private let cache = RenderCache()

    /// Loads and compiles every template in the folder once; a missing or broken template is an error naming the file.
    /// - Parameters:
    ///   - templatesDirectory: the folder holding `*.mustache` files.
    ///   - apiNames: catalog id -> display name ("inntekt" -> "Inntekt API"); ids without a
    ///     name are shown as they are.
    public init(templatesDirectory: String, apiNames: [String: String] = [:]) throws(ComposeError) {
        templates = try TemplateSet(directory: templatesDirectory)
        time = NorwegianTime()
        self.apiNames = apiNames
    }

    /// The e-mail for one delivery. The first alert about a notice to a subscriber carries the
    /// root Message-ID; a follow-up (`context.isFollowUp`) has its own id, stable per delivery,
    /// and In-Reply-To/References pointing at the root. `date` goes into the Date header only.
    ///
    /// Throws for a change that is not alerted, no recipients, or an address or setting that
    /// cannot go into a header: retrying will not help with any of those.
    public func email(for context: AlertContext, settings: EmailSettings, date: Date) throws(ComposeError) -> ComposedEmail {
        guard let template = AlertTemplate.choose(for: context.change) else {
            throw .notAlerting(changeID: context.change.id, change: context.change.change.rawValue)
        }
        let planned = context.delivery.planned
        guard !planned.recipients.isEmpty else { throw .noRecipients(deliveryID: context.delivery.id) }
        for address in planned.recipients + [settings.from] where !Self.isHeaderSafeAddress(address) {
            throw .invalidAddress(address)
        }
        guard MessageID.isValidDomain(settings.messageIDDomain) else {
            throw .invalidSetting(name: "message_id_domain", value: settings.messageIDDomain)
        }

        let key = RenderCache.Key(context, template: template.text)
        let bodies = cache.bodies(for: key) {
            var view = AlertView.make(context, template: template, time: time, apiNames: apiNames)
            view["name"] = RenderCache.namePlaceholder
            return RenderCache.Bodies(
                subject: Self.oneLine(templates.render(template.subject, view)),
                text: EncodedBody(templates.render(template.text, view)), html: EncodedBody(templates.render(template.html, view)))
        }
        let name = planned.subscriberName
        let subject = RenderCache.personalise(bodies.subject, name: name, html: false)
        let root = MessageID.root(notice: planned.noticeID, subscriber: planned.subscriberID, domain: settings.messageIDDomain)
        let messageID =
            context.isFollowUp
            ? MessageID.forDelivery(
                idempotencyKey: planned.idempotencyKey, subscriber: planned.subscriberID, domain: settings.messageIDDomain)
            : root
        let message = MIMEMessage(
            from: (settings.fromName, settings.from), to: planned.recipients, subject: subject, date: time.rfc5322(date),
            messageID: messageID, inReplyTo: context.isFollowUp ? root : nil, idempotencyKey: planned.idempotencyKey,
            noticeID: planned.noticeID.rawValue, text: bodies.text, html: bodies.html, name: name)
        return ComposedEmail(
            messageID: messageID, subject: subject, recipients: planned.recipients, from: settings.from, data: message.bytes())
    }

    /// Versioned JSON body; identical for every attempt of the same delivery (no send time inside).
    /// Schema "varselvakt.alert/v1", documented in docs/webhooks.md. Throws for a change that
    /// is not alerted.
    public func webhookBody(for context: AlertContext) throws(ComposeError) -> [UInt8] {
        guard let payload = WebhookPayload(context) else {
            throw .notAlerting(changeID: context.change.id, change: context.change.change.rawValue)
        }
        return try payload.encoded()
    }

    /// A rendered subject on one line: template line breaks and runs of spaces become one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A plain ASCII addr-spec: something@something, no spaces, controls, brackets or commas.
    static func isHeaderSafeAddress(_ address: String) -> Bool {
        guard let at = address.utf8.lastIndex(of: UInt8(ascii: "@")), at != address.utf8.startIndex,
            address.utf8.index(after: at) != address.utf8.endIndex
        else { return false }
        return address.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && !"<>(),;:\\\"[]".utf8.contains(byte)
        }
    }
}
