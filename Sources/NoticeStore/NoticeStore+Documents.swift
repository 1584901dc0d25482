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

extension NoticeStore {
    /// sourceDocuments returns the stored documents of a source, by URL; empty before its first success.
    public func sourceDocuments(feed: FeedID) async throws(StoreError) -> [String: SourceDocument] {
        try await read("read documents of \(feed)") { db in
            var documents: [String: SourceDocument] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT url, etag, lastModified, body, fetchedAt FROM sourceDocument WHERE feedID = ?",
                arguments: [feed.rawValue])
            {
                let body: Data = row["body"]
                let document = SourceDocument(
                    url: row["url"], etag: row["etag"], lastModified: row["lastModified"], body: [UInt8](body),
                    fetchedAt: StoredDate.date(row["fetchedAt"]) ?? .distantPast)
                documents[document.url] = document
            }
            return documents
        }
    }

    /// saveSourceDocuments replaces the stored documents of a source with `documents`, so a
    /// document no longer read (the source's URL changed) does not linger. Called only after the
    /// poll that read them was stored: a crash in between costs one unconditional fetch, nothing else.
    public func saveSourceDocuments(feed: FeedID, _ documents: [SourceDocument]) async throws(StoreError) {
        try await write("store documents of \(feed)") { db in
            try Self.run(db, sql: "DELETE FROM sourceDocument WHERE feedID = ?", arguments: [feed.rawValue])
            for document in documents {
                try Self.run(
                    db,
                    sql: """
                        INSERT INTO sourceDocument (feedID, url, etag, lastModified, body, fetchedAt)
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
