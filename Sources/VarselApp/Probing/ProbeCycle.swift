public import Foundation
public import Logging
public import NoticeStore
public import Probes
import VarselConfig
public import VarselModel

/// One probe round, start to finish: probe the targets, feed each result to its incident
/// tracker (with the maintenance windows Skatteetaten announced and the operators' silences),
/// and store results, tracker states, incidents and their alerts in one transaction.
///
/// The self-connectivity guard: when the reference target fails, the round is stored for the
/// record but not fed to the trackers, so a lost uplink on varselvakt's own host is never
/// reported as every API being down.
public struct ProbeCycle: Sendable {
    public let store: NoticeStore
    public let runner: ProbeRunner
    public let targets: [ProbeTarget]
    let text: IncidentText
    let route: ChangeRouter
    let changesStored: @Sendable () -> Void
    let logger: Logger
    let telemetry: Telemetry

    public init(
        store: NoticeStore, runner: ProbeRunner, targets: [ProbeTarget], catalog: Catalog, logger: Logger,
        route: @escaping ChangeRouter = NoticeStore.routeNowhere, changesStored: @escaping @Sendable () -> Void = {},
        telemetry: Telemetry = .none
    ) {
        self.telemetry = telemetry
        self.store = store
        self.runner = runner
        self.targets = targets
        self.text = IncidentText(catalog: catalog)
        self.route = route
        self.changesStored = changesStored
        self.logger = logger
    }

    /// Probes `targets` (all of them by default) once and records what it means.
    /// Throws only when the store fails.
    public func round(_ targets: [ProbeTarget]? = nil, now: Date = Date()) async throws -> ProbeRoundReport {
        let targets = targets ?? self.targets
        let round = await runner.round(
            targets, now: now)
        guard round.conclusive else {
            if round.reference == nil && Task.isCancelled {
                // The daemon is stopping: a round cut short is no finding, and the store write
                // would only be cancelled too.
                logger.info("probe round cut short by shutdown; its results are not recorded")
                return ProbeRoundReport(round: round, events: [], changes: [])
            }
            let reason = round.reference.map { "reference \($0.url) failed: \($0.detail ?? "down")" } ?? "round cancelled"
            logger.warning("probe round inconclusive, incidents not updated: \(reason)")
            _ = try await store.recordProbeRound(
                ProbeRoundWrite(results: round.results, conclusive: false, states: [:], incidents: []), route: route)
            return ProbeRoundReport(round: round, events: [], changes: [])
        }
        let stored = try await store.probeStates()
        let silences = try await store.silences(activeAfter: now.addingTimeInterval(-86_400))
        var windows: [String: [AnnouncedWindow]] = [:]
        var write = ProbeRoundWrite(results: round.results, conclusive: true, states: [:], incidents: [])
        var events: [IncidentEvent] = []
        for (target, result) in zip(targets, round.results) {
            let key = ProbeStateKey(api: result.api, environment: result.environment)
            let state = stored[key].flatMap(Self.decode) ?? ProbeState(api: result.api, environment: result.environment)
            if windows[result.api] == nil {
                windows[result.api] = try await store.maintenanceWindows(api: result.api).map {
                    AnnouncedWindow(notice: $0.notice, window: $0.window)
                }
            }
            let (next, stepEvents) = IncidentTracker(settings: target.settings).step(
                state, result: result, windows: windows[result.api] ?? [], silences: silences.filter { $0.api == result.api })
            write.states[key] = Self.encode(next)
            telemetry.probe(result)
            for event in stepEvents {
                if case .opened(let api, let environment, _, _, _, _, _) = event {
                    telemetry.incidentOpened(api: api, environment: environment)
                }
                write.incidents.append(incidentWrite(event, state: next, url: target.url, at: result.at))
            }
            events += stepEvents
        }
        let changes = try await store.recordProbeRound(write, route: route)
        if !changes.isEmpty { changesStored() }
        for event in events { logger.notice("\(Self.describe(event))") }
        return ProbeRoundReport(round: round, events: events, changes: changes)
    }

    private func incidentWrite(_ event: IncidentEvent, state: ProbeState, url: String, at now: Date) -> IncidentWrite {
        switch event {
        case .opened(let api, let environment, let at, let since, let cause, let detail, let expectation):
            return text.opened(
                api: api, environment: environment, url: url, at: at, since: since, cause: cause, detail: detail,
                failures: state.consecutiveFailures, expectation: expectation)
        case .outageAfterWindow(let api, let environment, let at, _, _):
            let openedAt = state.open?.openedAt ?? at
            return text.escalated(
                api: api, environment: environment, url: url, at: at,
                noticeID: IncidentText.noticeID(api: api, environment: environment, openedAt: openedAt))
        case .resolved(let api, let environment, let at, let openedAt, let alerted):
            return text.resolved(
                api: api, environment: environment, url: url, at: at, openedAt: openedAt,
                noticeID: IncidentText.noticeID(api: api, environment: environment, openedAt: openedAt), alert: alerted)
        case .certificateExpiring(let api, let environment, let expiresAt, let daysLeft):
            return text.certificateExpiring(
                api: api, environment: environment, url: url, at: now, expiresAt: expiresAt,
                daysLeft: daysLeft)
        }
    }

    public static func describe(_ event: IncidentEvent) -> String {
        switch event {
        case .opened(let api, let environment, _, _, let cause, let detail, let expectation):
            "incident opened: \(api) (\(environment.rawValue)) \(cause.rawValue)" + (detail.map { ": \($0)" } ?? "")
                + (expectation == nil ? "" : " (expected, not alerted)")
        case .outageAfterWindow(let api, let environment, _, _, _):
            "incident still open after its maintenance window or silence: \(api) (\(environment.rawValue))"
        case .resolved(let api, let environment, _, _, _): "incident resolved: \(api) (\(environment.rawValue))"
        case .certificateExpiring(let api, let environment, let expiresAt, let days):
            "certificate of \(api) (\(environment.rawValue)) expires in \(days) days (\(expiresAt))"
        }
    }

    static func decode(_ json: String) -> ProbeState? {
        try? JSONDecoder().decode(ProbeState.self, from: Data(json.utf8))
    }

    static func encode(_ state: ProbeState) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(state)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// What one probe round found.
public struct ProbeRoundReport: Sendable {
    public var round: ProbeRound
    public var events: [IncidentEvent]
    public var changes: [ChangeRecord]
}
