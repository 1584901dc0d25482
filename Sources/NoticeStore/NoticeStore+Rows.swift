import Foundation
import GRDB
import VarselModel

/// The single-row writes of an ingest, one statement each, through GRDB's statement cache.
extension NoticeStore {
    static func insertNotice(
        _ db: Database, id: NoticeID, feed: FeedID, entry: FeedEntry, fingerprint: Fingerprint,
        classification: Classification, update: NoticeUpdate, now: Date
    ) throws {
        try run(
            db,
            sql: """
                INSERT INTO notice (id, feedID, entryID, title, link, published, updated, categories, summaryText,
                    contentText, contentHTML, kind, apis, scope, windowStart, windowEnd, unparsedWindow, cancels,
                    severity, unmappedComponents, unrecognisedApis, environment, maintenanceWindows, status, missingPolls,
                    textHash, bodyHash, versionHash, firstSeenAt, lastChangedAt, facts, versionCount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """,
            arguments: StatementArguments(
                [
                    id.rawValue, feed.rawValue, entry.id, entry.title, entry.link, d(entry.published), d(entry.updated),
                    JSONColumn.encode(entry.categories), entry.summaryText, entry.contentText, entry.contentHTML,
                ] as [(any DatabaseValueConvertible)?])
                + classificationArguments(classification)
                + [
                    update.status.rawValue, update.missingPolls, fingerprint.text, fingerprint.body, fingerprint.version, d(now),
                    d(now), factsColumn(entry.facts),
                ])
    }

    static func updateNotice(
        _ db: Database, id: NoticeID, entry: FeedEntry, fingerprint: Fingerprint, classification: Classification?,
        update: NoticeUpdate, versionCount: Int, now: Date
    ) throws {
        try run(
            db,
            sql: """
                UPDATE notice SET title = ?, link = ?, published = ?, updated = ?, categories = ?, summaryText = ?,
                    contentText = ?, contentHTML = ?, textHash = ?, bodyHash = ?, versionHash = ?, versionCount = ?,
                    facts = ?
                WHERE id = ?
                """,
            arguments: [
                entry.title, entry.link, d(entry.published), d(entry.updated), JSONColumn.encode(entry.categories),
                entry.summaryText, entry.contentText, entry.contentHTML, fingerprint.text, fingerprint.body,
                fingerprint.version, versionCount, factsColumn(entry.facts), id.rawValue,
            ])
        if let classification {
            try run(
                db,
                sql: """
                    UPDATE notice SET kind = ?, apis = ?, scope = ?, windowStart = ?, windowEnd = ?, unparsedWindow = ?,
                        cancels = ?, severity = ?, unmappedComponents = ?, unrecognisedApis = ?, environment = ?,
                        maintenanceWindows = ?
                    WHERE id = ?
                    """,
                arguments: classificationArguments(classification) + [id.rawValue])
        }
        try updateStatus(db, id: id, update: update, now: now)
    }

    static func updateStatus(_ db: Database, id: NoticeID, update: NoticeUpdate, now: Date) throws {
        try run(
            db,
            sql: """
                UPDATE notice SET status = ?, missingPolls = ?,
                    lastChangedAt = CASE WHEN ? THEN ? ELSE lastChangedAt END WHERE id = ?
                """,
            arguments: [update.status.rawValue, update.missingPolls, update.change != nil, d(now), id.rawValue])
    }

    static func insertVersion(
        _ db: Database, noticeID: NoticeID, seq: Int, entry: FeedEntry, fingerprint: Fingerprint, now: Date
    ) throws {
        try run(
            db,
            sql: """
                INSERT INTO noticeVersion (noticeID, seq, seenAt, entryID, title, link, published, updated, categories,
                    summaryText, contentText, contentHTML, textHash, bodyHash, versionHash, facts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                noticeID.rawValue, seq, d(now), entry.id, entry.title, entry.link, d(entry.published), d(entry.updated),
                JSONColumn.encode(entry.categories), entry.summaryText, entry.contentText, entry.contentHTML,
                fingerprint.text, fingerprint.body, fingerprint.version, factsColumn(entry.facts),
            ])
    }

    /// The classification columns, in this order: kind, apis, scope, windowStart, windowEnd,
    /// unparsedWindow, cancels, severity, unmappedComponents, unrecognisedApis, environment,
    /// maintenanceWindows.
    static func classificationArguments(_ c: Classification) -> StatementArguments {
        [
            c.kind.rawValue, JSONColumn.encode(c.apis), c.scope.rawValue, d(c.maintenanceWindow?.start),
            d(c.maintenanceWindow?.end), c.unparsedWindow, c.cancels, c.severity?.rawValue,
            JSONColumn.encode(c.unmappedComponents), JSONColumn.encode(c.unrecognisedAPIs), c.environment.rawValue,
            JSONColumn.encode(c.maintenanceWindows),
        ]
    }

    /// A status page's facts as JSON; nil (NULL) for feed entries, which have none.
    static func factsColumn(_ facts: SourceFacts?) -> String? {
        guard let facts else { return nil }
        return try? JSONColumn.encode(facts)
    }

    /// Executes through GRDB's statement cache: an ingest runs the same few statements per notice.
    static func run(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }
}

/// A date as the store writes it (see `StoredDate`).
private func d(_ date: Date?) -> String? { StoredDate.text(date) }
