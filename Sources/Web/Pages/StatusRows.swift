import Foundation
import History
import VarselModel

/// The status page's API rows, written by `HTMLBuilder` (every value escaped): one row per
/// catalog API, each with its probes, open incident, newest notice and next window. As a
/// Mustache section this table was a third of the page's time.
enum StatusRows {
    static func apis(_ apis: [APIStatus]) -> String {
        var out = HTMLBuilder(capacity: apis.count * 600)
        for api in apis {
            out.raw("<tr>\n<td>")
            out.text(api.name)
            out.raw(" <span class=\"id\">")
            out.text(api.id)
            out.raw("</span></td>\n<td>")
            probes(api.probes, into: &out)
            out.raw("</td>\n<td>")
            if let incident = api.openIncident {
                out.raw("<span class=\"feil\">Åpen siden ")
                out.time(incident.openedAt)
                out.raw("</span>: ")
                out.text(Labels.cause(incident.cause))
            } else {
                out.raw("–")
            }
            out.raw("</td>\n<td>")
            if let notice = api.newestNotice {
                out.raw("<a href=\"")
                out.text(RecordViews.noticePath(notice.id))
                out.raw("\">")
                out.text(notice.entry.title)
                out.raw("</a> <span class=\"svak\">")
                out.text(Labels.kind(notice.classification.kind))
                out.raw(", ")
                out.time(notice.firstSeenAt)
                out.raw("</span>")
            } else {
                out.raw("–")
            }
            out.raw("</td>\n<td>")
            window(api.nextWindow, notice: api.nextWindowNotice, into: &out)
            out.raw("</td>\n</tr>\n")
        }
        return out.html
    }

    private static func probes(_ probes: [ProbeResult], into out: inout HTMLBuilder) {
        guard !probes.isEmpty else { return out.raw("<span class=\"svak\">ikke overvåket</span>") }
        for probe in probes {
            out.raw(probe.up ? "<span class=\"ok\">" : "<span class=\"feil\">")
            out.text(Labels.probeEnvironment(probe.environment))
            out.raw(probe.up ? ": Oppe</span>" : ": Nede</span>")
            if !probe.up {
                out.raw(" (")
                out.text(probe.cause.map(Labels.cause) ?? probe.detail ?? "feil")
                out.raw(")")
            }
            out.raw(" ")
            out.time(probe.at)
            out.raw("<br>")
        }
    }

    private static func window(_ window: MaintenanceWindow?, notice: NoticeID?, into out: inout HTMLBuilder) {
        guard let window else { return out.raw("–") }
        out.time(window.start)
        if let end = window.end {
            out.raw(" – ")
            out.time(end)
        }
        if let notice {
            out.raw(" <a href=\"")
            out.text(RecordViews.noticePath(notice))
            out.raw("\">varsel</a>")
        }
    }
}
