public import Foundation
import GRDB
public import VarselModel

/// One document of a source read from several (a status page's incidents and maintenances):
/// its validators for conditional GET and the body they belong to.
public struct SourceDocument: Sendable, Hashable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var body: [UInt8]
    public var fetchedAt: Date

    public init(url: String, etag: String?, lastModified: String?, body: [UInt8], fetchedAt: Date) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.body = body
        self.fetchedAt = fetchedAt
    }
}

/// A stored document's validators, without its body: what a conditional GET needs.
public struct SourceDocumentValidators: Sendable, Hashable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
}

extension NoticeStore {
    /// sourceDocumentValidators returns the validators of a source's stored documents, by URL.
    /// An unchanged status page (both documents 304) needs nothing more, so its poll never reads
    /// the bodies (300 kB for a page with 50 incidents and 50 maintenances).
    public func sourceDocumentValidators(feed: FeedID) async throws(StoreError) -> [String: SourceDocumentValidators] {
        try await read("read document validators of \(feed)") { db in
            var validators: [String: SourceDocumentValidators] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT url, etag, lastModified FROM sourceDocument WHERE feedID = ?", arguments: [feed.rawValue])
            {
                let url: String = row["url"]
                validators[url] = SourceDocumentValidators(url: url, etag: row["etag"], lastModified: row["lastModified"])
            }
            return validators
        }
    }

    /// sourceDocumentBody returns one stored document's body, nil when none is stored.
    public func sourceDocumentBody(feed: FeedID, url: String) async throws(StoreError) -> [UInt8]? {
        try await read("read document \(url) of \(feed)") { db in
            let body = try Data.fetchOne(
                db, sql: "SELECT body FROM sourceDocument WHERE feedID = ? AND url = ?", arguments: [feed.rawValue, url])
            return body.map { [UInt8]($0) }
        }
    }

    /// saveSourceDocuments stores the documents a poll fetched anew (a document that answered 304
    /// is stored already) and forgets those of this source no longer read (`keeping`: every URL
    /// the source is read from now), so a changed base URL leaves nothing behind. Called only
    /// after the poll that read them was stored: a crash in between costs one unconditional
    /// fetch, nothing else.
    public func saveSourceDocuments(feed: FeedID, _ documents: [SourceDocument], keeping urls: [String])
        async throws(StoreError)
    {
        try await write("store documents of \(feed)") { db in
            let placeholders = urls.map { _ in "?" }.joined(separator: ", ")
            try Self.run(
                db, sql: "DELETE FROM sourceDocument WHERE feedID = ? AND url NOT IN (\(placeholders))",
                arguments: StatementArguments([feed.rawValue] + urls))
            for document in documents {
                try Self.run(
                    db,
                    sql: """
                        INSERT OR REPLACE INTO sourceDocument (feedID, url, etag, lastModified, body, fetchedAt)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        feed.rawValue, document.url, document.etag, document.lastModified, Data(document.body),
                        StoredDate.text(document.fetchedAt),
                    ])
            }
        }
    }
}
