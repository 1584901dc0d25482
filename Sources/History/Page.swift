/// One page of a list that is read newest first, and where the next (older) page begins.
///
/// Cursor pagination, as the JSON API's `limit` and `before` parameters: `next` is an opaque
/// cursor to pass as `before` for the following page, nil on the last page. A cursor stays valid
/// while rows are added (new rows are newer, so they never shift an older page).
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var next: String?

    public init(items: [Item], next: String?) {
        self.items = items
        self.next = next
    }
}

/// The default and largest page sizes, for the CLI, the pages and the API alike.
public enum PageSize {
    public static let `default` = 50
    public static let maximum = 500

    /// `requested` clamped to 1...maximum; nil gives the default.
    public static func clamp(_ requested: Int?) -> Int {
        min(max(requested ?? Self.default, 1), maximum)
    }
}
