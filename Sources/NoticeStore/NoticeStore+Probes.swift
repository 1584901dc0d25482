public import Foundation
import GRDB
public import VarselModel

/// One incident transition a probe round decided, with the notice text varselvakt writes for it.
public struct IncidentWrite: Sendable {
    public enum Action: Sendable, Hashable {
        /// Open an incident: a new notice in the probes feed.
        case open(firstFailureAt: Date, cause: ProbeCause, detail: String?, expectation: IncidentExpectation?)
        /// An expected incident outlasted its window or silence: now it is an outage (new version).
        case escalate
        /// The API answers again (new version of the incident's notice).
        case resolve
        /// The certificate expires soon: a notice of its own.
        case certificate(expiresAt: Date)
    }

    public var api: String
    public var environment: ProbeEnvironment
    public var at: Date
    public var action: Action
    /// The notice text (`entry.id` is the notice's id for `.open` and `.certificate`).
    public var entry: FeedEntry
    public var fingerprint: Fingerprint
    public var classification: Classification
    /// Route it to subscribers; otherwise the change is recorded with `note` as its routing note.
    public var alert: Bool
    public var note: String

    public init(
        api: String, environment: ProbeEnvironment, at: Date, action: Action, entry: FeedEntry, fingerprint: Fingerprint,
        classification: Classification, alert: Bool, note: String = ""
    ) {
        self.api = api
        self.environment = environment
        self.at = at
        self.action = action
        self.entry = entry
        self.fingerprint = fingerprint
        self.classification = classification
        self.alert = alert
        self.note = note
    }
}

/// Everything one probe round writes, in one transaction.
public struct ProbeRoundWrite: Sendable {
    public var results: [ProbeResult]
    /// False when the reference target failed: results are kept for the record but say nothing.
    public var conclusive: Bool
    /// Tracker state per (api, environment) as JSON, replaced whole.
    public var states: [ProbeStateKey: String]
    public var incidents: [IncidentWrite]

    public init(results: [ProbeResult], conclusive: Bool, states: [ProbeStateKey: String], incidents: [IncidentWrite]) {
        self.results = results
        self.conclusive = conclusive
        self.states = states
        self.incidents = incidents
    }
}

public struct ProbeStateKey: Sendable, Hashable {
    public var api: String
    public var environment: ProbeEnvironment
    public init(api: String, environment: ProbeEnvironment) {
        self.api = api
        self.environment = environment
    }
}

extension NoticeStore {
    /// Stores a probe round: results, tracker states, incidents and their notices, change rows
    /// and outbox rows, all or nothing.
    /// - Returns: the change rows written for incident notices.
    public func recordProbeRound(_ round: ProbeRoundWrite, route: @escaping ChangeRouter) async throws(StoreError)
        -> [ChangeRecord]
    {
        try await write("store probe round") { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO probeResult (api, environment, url, at, up, status, cause, detail, dns, connect, tls,
                        firstByte, total, certificateExpiresAt, conclusive)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for r in round.results {
                try insert.execute(arguments: [
                    r.api, r.environment.rawValue, r.url, d(r.at), r.up, r.status, r.cause?.rawValue, r.detail, r.timings.dns,
                    r.timings.connect, r.timings.tls, r.timings.firstByte, r.timings.total, d(r.certificateExpiresAt),
                    round.conclusive,
                ])
            }
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO probeState (api, environment, state, updatedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT(api, environment) DO UPDATE SET state = excluded.state, updatedAt = excluded.updatedAt
                    """)
            let now = d(round.results.map(\.at).max() ?? Date())
            for (key, state) in round.states {
                try upsert.execute(arguments: [key.api, key.environment.rawValue, state, now])
            }
            var changes: [ChangeRecord] = []
            for write in round.incidents {
                if let change = try Self.apply(write, route: route, db: db) { changes.append(change) }
            }
            return changes
        }
    }

    private static func apply(_ write: IncidentWrite, route: ChangeRouter, db: Database) throws -> ChangeRecord? {
        try ensureFeed(db, .probes, url: "varselvakt:probes")
        let open = try Row.fetchOne(
            db, sql: "SELECT id, noticeID FROM incident WHERE api = ? AND environment = ? AND resolvedAt IS NULL ORDER BY id DESC",
            arguments: [write.api, write.environment.rawValue])
        let noticeID: NoticeID
        let isNew: Bool
        switch write.action {
        case .open, .certificate:
            noticeID = NoticeID(write.entry.id)
            isNew = true
        case .escalate, .resolve:
            guard let open, let id = open["noticeID"] as String? else { return nil }
            noticeID = NoticeID(id)
            isNew = false
        }
        let update = NoticeUpdate(
            noticeID: noticeID, change: isNew ? .new : .changed, reason: isNew ? .new : .textChanged, entry: write.entry,
            fingerprint: write.fingerprint, recordsVersion: true, status: .active, missingPolls: 0)
        guard
            let change = try apply(
                update, feed: .probes, classifications: [noticeID: write.classification], now: write.at, db: db)
        else { return nil }
        try enqueue(write.alert ? route(change) : RoutingOutcome(deliveries: [], note: write.note), for: change, db: db)

        switch write.action {
        case .open(let firstFailureAt, let cause, let detail, let expectation):
            try run(
                db,
                sql: """
                    INSERT INTO incident (api, environment, openedAt, firstFailureAt, cause, detail, expectation, alerted, noticeID)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    write.api, write.environment.rawValue, d(write.at), d(firstFailureAt), cause.rawValue, detail,
                    try expectation.map(JSONColumn.encode), write.alert, noticeID.rawValue,
                ])
        case .escalate:
            try run(
                db, sql: "UPDATE incident SET alerted = 1, expectation = NULL WHERE id = ?", arguments: [open?["id"] as Int64?])
        case .resolve:
            try run(db, sql: "UPDATE incident SET resolvedAt = ? WHERE id = ?", arguments: [d(write.at), open?["id"] as Int64?])
        case .certificate:
            break
        }
        return change
    }

    /// Links a stored change's notice to the open incidents of its APIs (correlation). Part of
    /// the ingest transaction; notices varselvakt writes itself are not linked.
    static func linkToOpenIncidents(_ change: ChangeRecord, db: Database) throws {
        guard change.feedID != .probes, change.change.isAlerting, !change.apis.isEmpty else { return }
        let marks = Array(repeating: "?", count: change.apis.count).joined(separator: ",")
        try run(
            db,
            sql: """
                INSERT OR IGNORE INTO incidentNotice (incidentID, noticeID, linkedAt)
                SELECT id, ?, ? FROM incident WHERE resolvedAt IS NULL AND api IN (\(marks))
                """,
            arguments: StatementArguments([change.noticeID.rawValue, d(change.at)]) + StatementArguments(change.apis))
    }

    /// The tracker states stored by earlier rounds (JSON), by (api, environment).
    public func probeStates() async throws(StoreError) -> [ProbeStateKey: String] {
        try await read("read probe states") { db in
            var states: [ProbeStateKey: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT api, environment, state FROM probeState") {
                guard let environment = ProbeEnvironment(rawValue: row["environment"]) else { continue }
                states[ProbeStateKey(api: row["api"], environment: environment)] = row["state"]
            }
            return states
        }
    }

    /// The newest result per (api, environment), for `probe` listings.
    public func latestProbeResults() async throws(StoreError) -> [ProbeResult] {
        try await read("read latest probe results") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM probeResult WHERE id IN (SELECT MAX(id) FROM probeResult GROUP BY api, environment)
                    ORDER BY api, environment
                    """
            ).map(Self.probeResult(from:))
        }
    }

    /// Deletes raw results older than `date` (incidents are kept). Returns how many went.
    @discardableResult
    public func pruneProbeResults(before date: Date) async throws(StoreError) -> Int {
        try await write("prune probe results") { db in
            try db.execute(sql: "DELETE FROM probeResult WHERE at < ?", arguments: [d(date)])
            return db.changesCount
        }
    }

    /// Deletes poll-log lines (`feedPoll`) of polls started before `date`. Returns how many went.
    /// The feeds' own state (validators, last success, errors) is in `feed` and stays.
    @discardableResult
    public func prunePollLog(before date: Date) async throws(StoreError) -> Int {
        try await write("prune the poll log") { db in
            try db.execute(sql: "DELETE FROM feedPoll WHERE startedAt < ?", arguments: [d(date)])
            return db.changesCount
        }
    }

    /// Maintenance windows announced by stored, active notices about `api` (for expected incidents):
    /// every window a notice announces ("kl. 00-02 og kl. 18-20"), not only its first.
    public func maintenanceWindows(api: String) async throws(StoreError) -> [(notice: NoticeID, window: MaintenanceWindow)] {
        try await read("read maintenance windows") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT notice.id, windowStart, windowEnd, maintenanceWindows FROM notice, json_each(notice.apis)
                    WHERE windowStart IS NOT NULL AND status = 'active' AND json_each.value = ?
                    """,
                arguments: [api]
            ).flatMap { row -> [(notice: NoticeID, window: MaintenanceWindow)] in
                let id = NoticeID(row["id"] as String)
                let all = JSONColumn.windows(row["maintenanceWindows"])
                if !all.isEmpty { return all.map { (id, $0) } }
                guard let start = StoredDate.date(row["windowStart"]) else { return [] }
                return [(id, MaintenanceWindow(start: start, end: StoredDate.date(row["windowEnd"])))]
            }
        }
    }

    static func probeResult(from row: Row) -> ProbeResult {
        ProbeResult(
            api: row["api"], environment: ProbeEnvironment(rawValue: row["environment"]) ?? .production, url: row["url"],
            at: StoredDate.date(row["at"]) ?? Date(timeIntervalSince1970: 0), up: row["up"], status: row["status"],
            cause: (row["cause"] as String?).flatMap(ProbeCause.init(rawValue:)), detail: row["detail"],
            timings: ProbeTimings(
                dns: row["dns"], connect: row["connect"], tls: row["tls"], firstByte: row["firstByte"], total: row["total"]),
            certificateExpiresAt: StoredDate.date(row["certificateExpiresAt"]))
    }
}

/// A date as the store writes it (see `StoredDate`).
private func d(_ date: Date?) -> String? { StoredDate.text(date) }
