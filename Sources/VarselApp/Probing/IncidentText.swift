public import Foundation
import History
import NoticeDiff
public import NoticeStore
public import VarselModel

/// The notices varselvakt writes about its own probe incidents, in bokmål. They are stored in
/// the feed `varselvakt-probes` and alerted through the same routing and outbox as
/// Skatteetaten's notices, with the `probe` templates.
public struct IncidentText: Sendable {
    /// Display names by catalog id ("inntekt" -> "Inntekt API").
    let names: [String: String]

    public init(catalog: Catalog) {
        names = Dictionary(catalog.apis.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    public static func noticeID(api: String, environment: ProbeEnvironment, openedAt: Date) -> String {
        "probe:\(api):\(environment.rawValue):\(Int(openedAt.timeIntervalSince1970))"
    }

    /// Opening an incident; `alert` false records an expected outage without telling anyone.
    public func opened(
        api: String, environment: ProbeEnvironment, url: String, at: Date, since: Date, cause: ProbeCause, detail: String?,
        failures: Int, expectation: IncidentExpectation?
    ) -> IncidentWrite {
        var title = "\(name(api)) svarer ikke (\(label(environment)))"
        var text =
            "varselvakt har ikke fått riktig svar fra \(url) siden \(OutputDate.short(since)): \(Self.causeText(cause))"
            + (detail.map { " (\($0))" } ?? "") + ". \(failures) kontroller på rad har feilet."
        var note = ""
        switch expectation {
        case .maintenance(let notice, let window):
            title += " – ventet, planlagt vedlikehold"
            text += " Det er innenfor vedlikeholdsvinduet \(Self.window(window)) som Skatteetaten har varslet (\(notice))."
            note = "forventet: planlagt vedlikehold (\(notice)), varsles ikke"
        case .silence(let id, let until):
            title += " – dempet"
            text += " Varsler for dette API-et er dempet til \(OutputDate.short(until)) (demping \(id))."
            note = "forventet: dempet til \(OutputDate.short(until)), varsles ikke"
        case nil:
            text += " Skatteetaten har ikke nødvendigvis meldt om dette ennå; varselvakt følger med og sier fra når API-et svarer igjen."
        }
        return write(
            api: api, environment: environment, at: at,
            action: .open(firstFailureAt: since, cause: cause, detail: detail, expectation: expectation),
            id: Self.noticeID(api: api, environment: environment, openedAt: at), title: title, text: text, kind: .incident,
            alert: expectation == nil, note: note)
    }

    /// An expected outage outlasted its window or silence.
    public func escalated(api: String, environment: ProbeEnvironment, url: String, at: Date, noticeID: String) -> IncidentWrite {
        write(
            api: api, environment: environment, at: at, action: .escalate, id: noticeID,
            title: "\(name(api)) svarer fortsatt ikke (\(label(environment)))",
            text:
                "Vedlikeholdet eller dempingen er over, men varselvakt får fortsatt ikke riktig svar fra \(url) "
                + "(kontrollert \(OutputDate.short(at))).",
            kind: .incident, alert: true, note: "")
    }

    /// The API answers again.
    public func resolved(
        api: String, environment: ProbeEnvironment, url: String, at: Date, openedAt: Date, noticeID: String, alert: Bool
    ) -> IncidentWrite {
        let minutes = max(1, Int((at.timeIntervalSince(openedAt) / 60).rounded()))
        return write(
            api: api, environment: environment, at: at, action: .resolve, id: noticeID,
            title: "\(name(api)) svarer igjen (\(label(environment)))",
            text:
                "varselvakt får igjen riktig svar fra \(url) (\(OutputDate.short(at))). Avbruddet varte i omtrent "
                + "\(minutes) minutter, fra \(OutputDate.short(openedAt)).",
            kind: .resolved, alert: alert, note: alert ? "" : "forventet avbrudd over, varsles ikke")
    }

    /// The certificate expires soon.
    public func certificateExpiring(api: String, environment: ProbeEnvironment, url: String, at: Date, expiresAt: Date, daysLeft: Int)
        -> IncidentWrite
    {
        write(
            api: api, environment: environment, at: at, action: .certificate(expiresAt: expiresAt),
            id: "tls:\(api):\(environment.rawValue):\(Int(expiresAt.timeIntervalSince1970))",
            title: "TLS-sertifikatet til \(name(api)) (\(label(environment))) utløper om \(daysLeft) dager",
            text:
                "Sertifikatet \(url) presenterer utløper \(OutputDate.short(expiresAt)). Fornyer ikke Skatteetaten det "
                + "i tide, vil kall til API-et feile.",
            kind: .change, alert: true, note: "")
    }

    private func write(
        api: String, environment: ProbeEnvironment, at: Date, action: IncidentWrite.Action, id: String, title: String,
        text: String, kind: NoticeKind, alert: Bool, note: String
    ) -> IncidentWrite {
        let entry = FeedEntry(id: id, title: title, published: at, updated: at, categories: ["varselvakt"], contentText: text)
        return IncidentWrite(
            api: api, environment: environment, at: at, action: action, entry: entry, fingerprint: Fingerprint(entry),
            classification: Classification(kind: kind, apis: [api], scope: .apis), alert: alert, note: note)
    }

    private func name(_ api: String) -> String { names[api] ?? api }

    private func label(_ environment: ProbeEnvironment) -> String {
        environment == .production ? "produksjon" : "test"
    }

    static func causeText(_ cause: ProbeCause) -> String {
        switch cause {
        case .timeout: "tidsavbrudd"
        case .serverError: "serverfeil"
        case .unexpectedStatus: "uventet svar"
        case .tls: "TLS-feil"
        case .dns: "navneoppslaget feilet"
        case .connectionRefused: "tilkoblingen ble avvist"
        case .connection: "tilkoblingsfeil"
        }
    }

    static func window(_ window: MaintenanceWindow) -> String {
        OutputDate.short(window.start) + (window.end.map { "–" + OutputDate.short($0) } ?? "")
    }
}
