import VarselModel

/// `[[feeds]]`: at least one feed, names and URLs unique, `apis` naming catalog APIs.
enum FeedsSection {
    /// `readers` are the `[[feeds]]` tables (nil when the key is absent); `root` is for the error.
    static func decode(
        _ readers: [TableReader]?, in root: TableReader, defaults: PollDefaults, baseDirectory: String
    ) throws(ConfigError) -> [FeedConfig] {
        guard let readers, !readers.isEmpty else {
            throw root.missing("feeds", expected: "at least one [[feeds]] table with url = \"https://...\"")
        }
        var feeds: [FeedConfig] = []
        var names = UniqueValues()
        var urls = UniqueValues()
        for reader in readers {
            let feed = try FeedConfig(from: reader, defaults: defaults, baseDirectory: baseDirectory)
            // A derived name is reported at the feed's header, where `name = ...` would go.
            try names.insert(feed.id.rawValue, file: reader.file, key: reader.keyPath("name"), line: reader.line(of: "name"))
            try urls.insert(feed.url, file: reader.file, key: reader.keyPath("url"), line: reader.line(of: "url"))
            feeds.append(feed)
        }
        return feeds
    }

    /// Every `feeds[i].apis` entry must be an API id in `catalog`.
    static func checkReferences(_ feeds: [FeedConfig], readers: [TableReader], catalog: Catalog) throws(ConfigError) {
        let known = catalog.apis.map(\.id)
        for (feed, reader) in zip(feeds, readers) {
            for (position, api) in feed.apis.enumerated() where !known.contains(api) {
                throw .unknownReference(
                    file: reader.file, line: reader.line(of: "apis", element: position), key: reader.keyPath("apis"),
                    value: api, suggestion: KeySuggestion.closest(to: api, among: known))
            }
        }
    }
}
