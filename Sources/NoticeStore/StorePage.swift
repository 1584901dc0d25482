import Foundation

/// One page of a list read newest first, and the cursor where the next (older) page begins.
///
/// Keyset pagination: the cursor holds the sort key and id of the last row handed out, and the
/// next page is "rows ordered before that key". Unlike an offset it stays right while rows are
/// added (a new row is newer, so it never shifts an older page) and costs one index seek.
public struct StorePage<Item: Sendable>: Sendable {
    public var items: [Item]
    /// Nil on the last page.
    public var next: String?

    public init(items: [Item], next: String?) {
        self.items = items
        self.next = next
    }
}

/// The opaque `before` cursors the paged queries hand out: base64url of "LIST|SORTKEY|ID".
///
/// `LIST` names the list ("n" notices, "d" deliveries, "i" incidents), so a cursor of one list
/// passed to another is refused rather than read as nonsense. The sort key is the stored date
/// text itself (never a `Date` turned back into text, which could round a millisecond away).
struct PageCursor: Equatable {
    var list: String
    /// Empty for lists ordered by id alone.
    var sortKey: String
    var id: String

    func encoded() -> String {
        Data("\(list)|\(sortKey)|\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads `text` as a cursor of `list`; `StoreError.invalidCursor` names the input otherwise.
    static func decode(_ text: String, list: String, sortKeyIsDate: Bool) throws(StoreError) -> PageCursor {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8) else {
            throw .invalidCursor(text)
        }
        let parts = plain.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[0] == list, !parts[2].isEmpty else { throw .invalidCursor(text) }
        if sortKeyIsDate, StoredDate.date(parts[1]) == nil { throw .invalidCursor(text) }
        return PageCursor(list: parts[0], sortKey: parts[1], id: parts[2])
    }

    /// The integer id of a cursor over an integer-keyed table.
    func integerID(_ text: String) throws(StoreError) -> Int64 {
        guard let value = Int64(id) else { throw .invalidCursor(text) }
        return value
    }
}

extension StorePage {
    /// Cuts `rows` (fetched with LIMIT `limit + 1`) to `limit`, with a cursor to the rest when
    /// there was one more.
    static func cut(_ rows: [Item], limit: Int, cursor: (Item) -> PageCursor) -> StorePage {
        guard rows.count > limit else { return StorePage(items: rows, next: nil) }
        let items = Array(rows.prefix(limit))
        return StorePage(items: items, next: items.last.map { cursor($0).encoded() })
    }
}
