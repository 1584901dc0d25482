import Foundation
import History
import NoticeStore
import VarselModel

/// The records as the templates read them: plain dictionaries of strings, booleans and lists,
/// every key always present (an absent key makes Mustache look in the enclosing context).
enum RecordViews {
    /// `/notices/<id>` with the id percent-encoded: ids are often URLs (`https://…/2024/01/22/x`).
    static func noticePath(_ id: NoticeID) -> String {
        "/notices/" + PercentEncoding.unreserved(id.rawValue)
    }

    /// Where a table of deliveries stands: the deliveries page names each row's notice; one
    /// notice's page does not, and shows the recipients and the next attempt instead.
    enum DeliveryTable { case deliveriesPage, noticePage }

    /// Delivery table rows (see `HTMLBuilder`); a dead one has the send-again form. Written here,
    /// not as a Mustache section: per-row sections were a fifth of a notice page's time.
    static func deliveryRows(_ deliveries: [DeliveryRecord], csrf: String?, back: String, on table: DeliveryTable) -> String {
        var out = HTMLBuilder(capacity: deliveries.count * 700)
        for d in deliveries {
            out.raw("<tr id=\"leveranse-")
            out.text(String(d.id))
            out.raw("\" class=\"")
            out.text(d.status.rawValue)
            out.raw("\">\n")
            if table == .deliveriesPage {
                out.raw("<td><a href=\"")
                out.text(noticePath(d.planned.noticeID))
                out.raw("\">")
                out.text(d.planned.noticeID.rawValue)
                out.raw("</a></td>\n")
            }
            out.raw("<td>")
            out.text(d.planned.subscriberName)
            out.raw(" <span class=\"id\">")
            out.text(d.planned.subscriberID.rawValue)
            out.raw("</span>")
            if table == .noticePage {
                out.raw("<br><span class=\"svak\">")
                out.text(Redaction.delivery(d).planned.recipients.joined(separator: ", "))
                out.raw("</span>")
            }
            out.raw("</td>\n<td>")
            out.text(Labels.channel(d.planned.channel))
            out.raw("</td>\n<td>")
            out.text(Labels.delivery(d.status))
            out.raw("</td>\n<td>")
            out.text(String(d.attempts))
            out.raw("</td>\n<td>")
            out.time(d.createdAt)
            out.raw("</td>\n<td>")
            out.time(d.lastAttemptAt)
            out.raw("</td>\n<td>")
            out.time(d.sentAt)
            if table == .noticePage {
                out.raw("</td>\n<td>")
                out.time(d.nextAttemptAt)
            }
            out.raw("</td>\n<td>")
            if let code = statusCode(d.lastError) { out.text(String(code)) } else { out.raw("–") }
            out.raw("</td>\n<td>")
            if let error = d.lastError { out.text(error) } else { out.raw("–") }
            out.raw("</td>\n<td>")
            if d.status == .dead {
                out.raw("<form method=\"post\" action=\"/deliveries/")
                out.text(String(d.id))
                out.raw("/send-again\"><input type=\"hidden\" name=\"csrf\" value=\"")
                out.text(csrf ?? "")
                out.raw("\"><input type=\"hidden\" name=\"back\" value=\"")
                out.text(back)
                out.raw("\"><button type=\"submit\">Send igjen</button></form>")
            }
            out.raw("</td>\n</tr>\n")
        }
        return out.html
    }

    /// The notices page's table rows (see `HTMLBuilder` for why they are not a template section).
    static func noticeRows(_ notices: [NoticeRecord]) -> String {
        var out = HTMLBuilder(capacity: notices.count * 400)
        for n in notices {
            out.raw("<tr>\n<td>")
            out.time(n.entry.published)
            out.raw("</td>\n<td><a href=\"")
            out.text(noticePath(n.id))
            out.raw("\">")
            out.text(n.entry.title)
            out.raw("</a></td>\n<td>")
            out.text(Labels.kind(n.classification.kind))
            out.raw("</td>\n<td>")
            out.text(apisText(n))
            out.raw("</td>\n<td>")
            out.text(Labels.environment(n.classification.environment))
            out.raw("</td>\n<td>")
            out.text(Labels.status(n.status))
            out.raw("</td>\n<td>")
            out.time(n.firstSeenAt)
            out.raw("</td>\n</tr>\n")
        }
        return out.html
    }

    /// The APIs a notice names, or that it concerns everyone (or an API the catalog lacks).
    static func apisText(_ n: NoticeRecord) -> String {
        n.classification.apis.isEmpty ? "alle/ukjent" : n.classification.apis.joined(separator: ", ")
    }

    static func notice(_ n: NoticeRecord) -> [String: Any] {
        [
            "id": n.id.rawValue, "path": noticePath(n.id), "title": n.entry.title, "feed": n.feedID.rawValue,
            "kind": Labels.kind(n.classification.kind), "kindValue": n.classification.kind.rawValue,
            "status": Labels.status(n.status), "statusValue": n.status.rawValue,
            "environment": Labels.environment(n.classification.environment),
            "apis": apisText(n),
            "published": TimeView.view(n.entry.published), "firstSeen": TimeView.view(n.firstSeenAt),
            "lastChanged": TimeView.view(n.lastChangedAt), "versions": n.versionCount,
            "link": webLink(n.entry.link) ?? false,
        ]
    }

    static func delivery(_ d: DeliveryRecord, csrf: String?, back: String) -> [String: Any] {
        [
            "id": String(d.id), "noticePath": noticePath(d.planned.noticeID), "noticeID": d.planned.noticeID.rawValue,
            "subscriber": d.planned.subscriberName, "subscriberID": d.planned.subscriberID.rawValue,
            "channel": Labels.channel(d.planned.channel), "recipients": Redaction.delivery(d).planned.recipients.joined(separator: ", "),
            "reason": d.planned.reason, "status": Labels.delivery(d.status), "statusValue": d.status.rawValue,
            "attempts": d.attempts, "created": TimeView.view(d.createdAt), "lastAttempt": TimeView.view(d.lastAttemptAt),
            "sent": TimeView.view(d.sentAt), "nextAttempt": TimeView.view(d.nextAttemptAt),
            "statusCode": statusCode(d.lastError).map(String.init) ?? false, "lastError": d.lastError ?? false,
            "dead": d.status == .dead, "csrf": csrf ?? "", "back": back,
        ]
    }

    /// An operator action: who did what, when (the notice page's "Handlinger").
    static func action(_ a: OperatorActionRecord) -> [String: Any] {
        [
            "at": TimeView.view(a.at), "user": a.user, "action": Labels.operatorAction(a.action),
            "target": OperatorActionText.target(a.target),
            "detail": a.detail ?? false,
        ]
    }

    static func incident(_ i: IncidentRecord) -> [String: Any] {
        [
            "id": String(i.id), "api": i.api, "environment": Labels.probeEnvironment(i.environment),
            "opened": TimeView.view(i.openedAt), "firstFailure": TimeView.view(i.firstFailureAt),
            "resolved": TimeView.view(i.resolvedAt), "open": i.resolvedAt == nil,
            "duration": i.duration.map(durationText) ?? false, "cause": Labels.cause(i.cause), "detail": i.detail ?? false,
            "expected": IncidentJSON.expectation(i.expectation) ?? false, "alerted": i.alerted,
            "notice": i.noticeID.map { ["id": $0.rawValue, "path": noticePath($0)] } ?? false,
            "linked": i.linkedNotices.map { ["id": $0.rawValue, "path": noticePath($0)] },
        ]
    }

    static func silence(_ s: Silence, now: Date, csrf: String?) -> [String: Any] {
        [
            "id": String(s.id), "api": s.api, "start": TimeView.view(s.start), "end": TimeView.view(s.end),
            "reason": s.reason, "created": TimeView.view(s.createdAt), "active": s.covers(now), "ended": s.end <= now,
            "csrf": csrf ?? "",
        ]
    }

    static func window(_ w: MaintenanceWindow) -> [String: Any] {
        ["start": TimeView.view(w.start), "end": TimeView.view(w.end)]
    }

    /// The status code a failed attempt reported, read from its one-line error ("HTTP 503 …",
    /// "550 5.1.1 …"): the outbox keeps the line, not the code on its own.
    static func statusCode(_ error: String?) -> Int? {
        guard let error else { return nil }
        let words = error.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "-" })
        for (index, word) in words.enumerated() where word.count == 3 {
            guard let code = Int(word), (100...599).contains(code) else { continue }
            if index == 0 || words[index - 1].uppercased().hasPrefix("HTTP") || words[index - 1].lowercased() == "status" {
                return code
            }
        }
        return nil
    }

    static func durationText(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60)
        if h > 0 { return "\(h) t \(m) min" }
        if m > 0 { return "\(m) min \(s) s" }
        return "\(s) s"
    }

    /// Only http(s) links become `href`s: a feed is outside input, and a `javascript:` link
    /// must not become something to click.
    static func webLink(_ link: String?) -> String? {
        guard let link else { return nil }
        let lower = link.prefix(8).lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? link : nil
    }
}
