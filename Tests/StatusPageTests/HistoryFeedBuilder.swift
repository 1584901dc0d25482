import Foundation
import StatusPage

/// Writes an incident as Statuspage's `/history.atom` would: one entry whose HTML content lists
/// the updates newest first as `<p><small>Oct <var>14</var>, <var>09:30</var> UTC</small><br>
/// <strong>Resolved</strong> - body</p>`, the body HTML-escaped with `<br />` per line, and the
/// whole HTML escaped again into the XML (as in saucelabs-history.atom).
enum HistoryFeedBuilder {
    static let englishLabels = [
        "investigating": "Investigating", "identified": "Identified", "monitoring": "Monitoring", "update": "Update",
        "resolved": "Resolved", "postmortem": "Postmortem", "scheduled": "Scheduled", "in_progress": "In progress",
        "verifying": "Verifying", "completed": "Completed",
    ]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func atom(_ incident: StatusIncident, pageURL: String) -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let updates = incident.updates.sorted { ($0.displayAt ?? .distantPast) > ($1.displayAt ?? .distantPast) }
        let html = updates.map { update -> String in
            let c = utc.dateComponents([.month, .day, .hour, .minute], from: update.displayAt!)
            let time = String(format: "%02d:%02d", c.hour!, c.minute!)
            let day = c.day! < 10 ? " \(c.day!)" : "\(c.day!)"
            let body = update.body.split(whereSeparator: \.isNewline).map { escape(String($0)) }.joined(separator: "\n<br />")
            return "<p><small>\(months[c.month! - 1]) <var data-var='date'>\(day)</var>, "
                + "<var data-var='time'>\(time)</var> UTC</small><br><strong>\(englishLabels[update.status]!)</strong> - \(body)</p>"
        }.joined()
        let stamp = ISO8601DateFormatter()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xml:lang="nb" xmlns="http://www.w3.org/2005/Atom">
              <id>tag:status.skatteetaten.no,2005:/history</id>
              <title>Skatteetaten Status - Incident History</title>
              <updated>\(stamp.string(from: updates.first!.displayAt!))</updated>
              <entry>
                <id>tag:status.skatteetaten.no,2005:Incident/123456</id>
                <published>\(stamp.string(from: incident.createdAt!))</published>
                <updated>\(stamp.string(from: updates.first!.displayAt!))</updated>
                <link rel="alternate" type="text/html" href="\(pageURL)/incidents/\(incident.id)"/>
                <title>\(escape(incident.name))</title>
                <content type="html">\(escape(html))</content>
              </entry>
            </feed>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
