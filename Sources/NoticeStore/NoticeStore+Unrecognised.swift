import Foundation
import GRDB
public import VarselModel

extension NoticeStore {
    /// unrecognisedAPIs lists every API-like name a stored notice's classification did not find in
    /// the catalog (`notice.unrecognisedApis`), sorted by name (ignoring case), each with the
    /// notices that used it. A store last migrated before v5 (opened read-only, so not migrated
    /// now) has no such column: that is no names, not an error.
    public func unrecognisedAPIs() async throws(StoreError) -> [UnrecognisedAPI] {
        try await read("list unrecognised APIs") { db in
            guard try db.columns(in: "notice").contains(where: { $0.name.lowercased() == "unrecognisedapis" }) else {
                return []
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT name.value AS name, notice.id, notice.feedID, notice.title, notice.published,
                        notice.updated, notice.firstSeenAt, notice.status
                    FROM notice, json_each(notice.unrecognisedApis) AS name
                    WHERE name.type = 'text'
                    ORDER BY name.value, COALESCE(notice.published, notice.updated) IS NULL,
                        COALESCE(notice.published, notice.updated) DESC, notice.firstSeenAt DESC, notice.id
                    """)
            var names: [UnrecognisedAPI] = []
            for row in rows {
                let name: String = row["name"]
                let published: Date? = row["published"] ?? row["updated"]
                let mention = UnrecognisedAPI.Mention(
                    id: NoticeID(row["id"] as String), feedID: FeedID(row["feedID"] as String), title: row["title"],
                    published: published, status: NoticeStatus(rawValue: row["status"]) ?? .active)
                if names.last?.name == name {
                    names[names.count - 1].notices.append(mention)
                } else {
                    names.append(UnrecognisedAPI(name: name, notices: [mention]))
                }
            }
            // SQLite orders by bytes ("Z" before "a"); an operator reads names alphabetically.
            return names.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
        }
    }
}
