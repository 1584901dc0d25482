import VarselModel

extension VarselvaktConfig {
    /// The top level of varselvakt.toml. Each table has its own small decoder file; adding a
    /// table (`[smtp]`, `[webhook]`, probes) means one decoder file, one line here and one property.
    static func decode(
        _ document: TOMLDocument, configFile: String, baseDirectory: String, environment: [String: String],
        loadCatalog: (CatalogSource) throws(ConfigError) -> Catalog,
        loadSubscribers: (String, Catalog, _ emailConfigured: Bool) throws(ConfigError) -> [Subscriber]
    ) throws(ConfigError) -> VarselvaktConfig {
        let root = document.rootReader()
        // Fetch every table first, so that a misspelt table name ("[stor]") is reported as an
        // unknown key with a suggestion rather than as a missing [store].
        let storeTable = try root.table("store")
        let catalogTable = try root.table("catalog")
        let lexiconTable = try root.table("lexicon")
        let logTable = try root.table("log")
        let pollTable = try root.table("poll")
        let feedTables = try root.arrayOfTables("feeds")
        let subscribersTable = try root.table("subscribers")
        let deliveryTable = try root.table("delivery")
        let emailTable = try root.table("email")
        let webhookTable = try root.table("webhook")
        let probesTable = try root.table("probes")
        let metricsTable = try root.table("metrics")
        let webTable = try root.table("web")
        try root.rejectUnknownKeys()

        guard let storeTable else {
            throw root.missing("store", expected: "a [store] table with path = \"...\"")
        }
        let store = try StoreConfig(from: storeTable, baseDirectory: baseDirectory)
        let catalogSource = try CatalogSection.source(from: catalogTable, baseDirectory: baseDirectory)
        let log = try logTable.map { reader throws(ConfigError) in try LogConfig(from: reader) } ?? LogConfig()
        let poll = try pollTable.map { reader throws(ConfigError) in try PollDefaults(from: reader) } ?? PollDefaults()
        let feeds = try FeedsSection.decode(feedTables, in: root, defaults: poll, baseDirectory: baseDirectory)

        let catalog = try loadCatalog(catalogSource)
        let lexiconPath = try FileSection.path(
            from: lexiconTable, baseDirectory: baseDirectory, defaultFileName: LexiconSection.defaultFileName)
        let lexicon: LexiconWords
        if let lexiconPath {
            lexicon = try ConfigLoader.loadLexicon(path: lexiconPath)
        } else {
            lexicon = try ConfigLoader.loadBuiltInLexicon()
        }
        try FeedsSection.checkReferences(feeds, readers: feedTables ?? [], catalog: catalog)
        let probes = try ProbesConfig(from: probesTable, catalog: catalog)
        let metrics =
            try metricsTable.map { reader throws(ConfigError) in try MetricsConfig(from: reader, baseDirectory: baseDirectory) }
            ?? MetricsConfig()
        let web = try webTable.map { reader throws(ConfigError) in try WebConfig(from: reader) } ?? WebConfig()

        let delivery = try DeliveryConfig(from: deliveryTable, baseDirectory: baseDirectory)
        let email = try emailTable.map { reader throws(ConfigError) in
            try EmailConfig(from: reader, baseDirectory: baseDirectory, environment: environment)
        }
        let webhook = try webhookTable.map { reader throws(ConfigError) in try WebhookConfig(from: reader) } ?? WebhookConfig()
        let subscribersPath = try SubscribersSection.path(from: subscribersTable, baseDirectory: baseDirectory)
        let subscribers =
            try subscribersPath.map { path throws(ConfigError) in
                try loadSubscribers(path, catalog, email != nil || delivery.fileSink != nil)
            } ?? []
        return VarselvaktConfig(
            configFile: configFile, store: store, catalogSource: catalogSource, log: log, poll: poll, feeds: feeds,
            catalog: catalog, lexiconPath: lexiconPath, lexicon: lexicon, subscribersPath: subscribersPath, subscribers: subscribers, delivery: delivery, email: email,
            webhook: webhook, probes: probes, metrics: metrics, web: web)
    }
}

/// `[catalog]`: where the API catalog lives.
enum CatalogSection {
    static let defaultFileName = "catalog.toml"

    /// The catalog in force: `path` resolved against the config directory (loading it fails if
    /// it does not exist); without one, catalog.toml next to the config file if it exists, else
    /// the one built into the binary.
    static func source(from reader: TableReader?, baseDirectory: String) throws(ConfigError) -> CatalogSource {
        if let reader {
            let path = try reader.nonEmptyString("path")
            try reader.rejectUnknownKeys()
            if let path { return .file(FilePaths.resolve(path, against: baseDirectory)) }
        }
        let beside = FilePaths.resolve(defaultFileName, against: baseDirectory)
        return FilePaths.isRegularFile(beside) ? .besideConfig(beside) : .builtIn(sha256: BuiltInData.catalog.sha256)
    }
}

/// `[lexicon]`: where the classifier's words live (lexicon.toml); without one, lexicon.toml
/// beside the config if it exists, else the one built into the binary.
enum LexiconSection {
    static let defaultFileName = "lexicon.toml"
}

/// `[subscribers]`: where subscribers.toml lives.
enum SubscribersSection {
    static let defaultFileName = "subscribers.toml"

    /// `path` resolved against the config directory (it must then exist); without one,
    /// subscribers.toml next to the config file if it exists, else nil (nobody subscribed).
    static func path(from reader: TableReader?, baseDirectory: String) throws(ConfigError) -> String? {
        try FileSection.path(from: reader, baseDirectory: baseDirectory, defaultFileName: defaultFileName)
    }
}

/// A section that only names a file (`path`), with a default file beside the config.
enum FileSection {
    static func path(from reader: TableReader?, baseDirectory: String, defaultFileName: String) throws(ConfigError) -> String? {
        if let reader {
            let path = try reader.nonEmptyString("path")
            try reader.rejectUnknownKeys()
            if let path { return FilePaths.resolve(path, against: baseDirectory) }
        }
        let fallback = FilePaths.resolve(defaultFileName, against: baseDirectory)
        return FilePaths.isRegularFile(fallback) ? fallback : nil
    }
}
