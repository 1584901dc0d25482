public import Foundation
public import NoticeStore
import VarselModel

extension HistoryReader {
    /// Everything that happened in [from, to), newest first, across notices (changes, without
    /// the first reading of a feed: a baseline is not news), probe incidents (opened, resolved),
    /// announced maintenance (windows starting, ending), deliveries (sent, given up) and what
    /// operators did (sent again, silences).
    /// Summaries are Norwegian: people read them on the "I dag" page.
    public func timeline(from: Date, to: Date) async throws(StoreError) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        let changes = try await store.changes(ChangeFilter(since: from, until: to))
        for change in changes where change.change != .baseline {
            events.append(
                TimelineEvent(at: change.at, kind: .notice, summary: TimelineText.change(change), noticeID: change.noticeID))
        }
        for incident in try await store.incidents(openedOrResolvedFrom: from, to: to) {
            if incident.openedAt >= from, incident.openedAt < to {
                events.append(
                    TimelineEvent(
                        at: incident.openedAt, kind: .incidentOpened, summary: TimelineText.opened(incident),
                        noticeID: incident.noticeID, incidentID: incident.id))
            }
            if let resolved = incident.resolvedAt, resolved >= from, resolved < to {
                events.append(
                    TimelineEvent(
                        at: resolved, kind: .incidentResolved, summary: TimelineText.resolved(incident),
                        noticeID: incident.noticeID, incidentID: incident.id))
            }
        }
        for announced in try await store.announcedWindows(endingAfter: from) {
            if announced.window.start >= from, announced.window.start < to {
                events.append(
                    TimelineEvent(
                        at: announced.window.start, kind: .maintenanceStarts,
                        summary: "Vedlikehold starter: \(announced.title)", noticeID: announced.notice))
            }
            if let end = announced.window.end, end >= from, end < to {
                events.append(
                    TimelineEvent(
                        at: end, kind: .maintenanceEnds, summary: "Vedlikehold slutter: \(announced.title)",
                        noticeID: announced.notice))
            }
        }
        for delivery in try await store.deliveryOutcomes(from: from, to: to) {
            guard let at = delivery.status == .sent ? delivery.sentAt : delivery.lastAttemptAt else { continue }
            events.append(
                TimelineEvent(
                    at: at, kind: .delivery, summary: TimelineText.delivery(delivery), noticeID: delivery.planned.noticeID,
                    deliveryID: delivery.id))
        }
        for action in try await store.operatorActions(from: from) where action.at < to {
            events.append(
                TimelineEvent(at: action.at, kind: .operatorAction, summary: TimelineText.action(action)))
        }
        // Newest first; at the same instant, in the order a reader follows a story: the notice,
        // the incident, the maintenance, then who was told (read from the bottom up). Otherwise
        // the order read: each source lists its newest first.
        let order: [TimelineEvent.Kind] = [
            .operatorAction, .delivery, .maintenanceEnds, .incidentResolved, .maintenanceStarts, .incidentOpened, .notice,
        ]
        return events.enumerated().sorted { a, b in
            if a.element.at != b.element.at { return a.element.at > b.element.at }
            let (ra, rb) = (order.firstIndex(of: a.element.kind) ?? 0, order.firstIndex(of: b.element.kind) ?? 0)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }
}

/// The timeline's one-line summaries, in Norwegian bokmål.
enum TimelineText {
    static func change(_ change: ChangeRecord) -> String {
        let verb =
            switch change.change {
            case .baseline: "Lest inn"
            case .new: "Ny"
            case .changed: "Endret"
            case .withdrawn: "Trukket tilbake"
            case .expired: "Utløpt"
            case .reappeared: "Tilbake igjen"
            }
        return "\(verb): \(change.title)"
    }

    static func opened(_ incident: IncidentRecord) -> String {
        "Brudd oppdaget: \(incident.api) (\(environment(incident.environment))): \(cause(incident.cause))"
    }

    static func resolved(_ incident: IncidentRecord) -> String {
        var text = "Svarer igjen: \(incident.api) (\(environment(incident.environment)))"
        if let duration = incident.duration { text += " etter \(minutes(duration))" }
        return text
    }

    static func delivery(_ delivery: DeliveryRecord) -> String {
        let channel = delivery.planned.channel == .email ? "e-post" : "webhook"
        return switch delivery.status {
        case .sent: "Levert til \(delivery.planned.subscriberName) (\(channel))"
        default:
            "Ga opp å varsle \(delivery.planned.subscriberName) (\(channel))"
                + (delivery.lastError.map { ": \($0)" } ?? "")
        }
    }

    static func action(_ action: OperatorActionRecord) -> String {
        let what =
            switch action.action {
            case .sendAgain: "sendte \(OperatorActionText.target(action.target)) igjen"
            case .addSilence: "la til \(OperatorActionText.target(action.target))"
            case .expireSilence: "avsluttet \(OperatorActionText.target(action.target))"
            }
        return "\(action.user) \(what)" + (action.detail.map { ": \($0)" } ?? "")
    }

    static func environment(_ environment: ProbeEnvironment) -> String {
        switch environment {
        case .production: "produksjon"
        case .test: "test"
        }
    }

    static func cause(_ cause: ProbeCause) -> String {
        switch cause {
        case .timeout: "svarer ikke innen tidsfristen"
        case .serverError: "serverfeil (5xx)"
        case .unexpectedStatus: "uventet HTTP-status"
        case .tls: "TLS-/sertifikatfeil"
        case .dns: "navnet slås ikke opp (DNS)"
        case .connectionRefused: "tilkobling avvist"
        case .connection: "tilkoblingsfeil"
        }
    }

    static func minutes(_ seconds: TimeInterval) -> String {
        let total = Int((seconds / 60).rounded())
        if total < 60 { return "\(total) min" }
        return total % 60 == 0 ? "\(total / 60) t" : "\(total / 60) t \(total % 60) min"
    }
}
