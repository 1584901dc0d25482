public import Foundation
public import VarselModel

/// Loads and validates varselvakt's TOML files: the main config, the API catalog and the
/// subscribers file.
///
/// Everything is checked before anything is returned: unknown keys (typos), wrong TOML types,
/// bad durations and sizes, refused URL schemes, duplicate names and catalog references naming
/// no API. The first problem found is thrown as a `ConfigError` that names the file, the line
/// and the key, so `varselvakt check-config` can tell an operator exactly what to fix.
///
/// `environment` is where `secret_env` / `password_env` are looked up; tests pass their own.
public enum ConfigLoader {
    /// Loads the config file at `path`; relative paths inside it are resolved against its directory.
    /// The catalog is loaded from `[catalog] path`, else catalog.toml next to the config file if
    /// present, else the one built into the binary (`VarselvaktConfig.catalogSource` says which);
    /// the subscribers from `[subscribers] path`, else subscribers.toml if present, else none.
    public static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> VarselvaktConfig {
        let text = try TOMLDocument.readText(path: FilePaths.absolute(path), file: path)
        return try load(
            text: text, file: path, baseDirectory: FilePaths.directory(of: path), configFile: FilePaths.absolute(path),
            environment: environment)
    }

    /// Loads a config from `text`. `file` is the name errors print (and `configFile`);
    /// `baseDirectory` is what relative paths (store, catalog, subscribers) are resolved against.
    public static func load(
        text: String, file: String, baseDirectory: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> VarselvaktConfig {
        try load(text: text, file: file, baseDirectory: baseDirectory, configFile: file, environment: environment)
    }

    /// Loads a catalog file (see config/catalog.toml). Errors name this file.
    public static func loadCatalog(path: String) throws(ConfigError) -> Catalog {
        let text = try TOMLDocument.readText(path: FilePaths.absolute(path), file: path)
        return try loadCatalog(text: text, file: path)
    }

    /// Loads a catalog from `text`; `file` is the name errors print.
    public static func loadCatalog(text: String, file: String) throws(ConfigError) -> Catalog {
        try CatalogDecoding.decode(TOMLDocument.parse(text: text, file: file))
    }

    /// The catalog built into the binary (config/catalog.toml at build time, `BuiltInData.catalog`).
    /// It passed the same checks as any catalog file in the test suite, so an error here means
    /// a binary built from a broken config/catalog.toml; the error names it as built in.
    public static func loadBuiltInCatalog() throws(ConfigError) -> Catalog {
        try loadCatalog(text: BuiltInData.catalog.text, file: BuiltInData.catalog.displayName)
    }

    /// Loads a lexicon file (see config/lexicon.toml). Errors name this file, line and key.
    public static func loadLexicon(path: String) throws(ConfigError) -> LexiconWords {
        let text = try TOMLDocument.readText(path: FilePaths.absolute(path), file: path)
        return try loadLexicon(text: text, file: path)
    }

    /// Loads a lexicon from `text`; `file` is the name errors print.
    public static func loadLexicon(text: String, file: String) throws(ConfigError) -> LexiconWords {
        try LexiconDecoding.decode(TOMLDocument.parse(text: text, file: file))
    }

    /// The lexicon built into the binary (config/lexicon.toml at build time). The test suite
    /// loads the same bytes, so a broken one cannot ship; should it anyway, the error names it
    /// as built in.
    public static func loadBuiltInLexicon() throws(ConfigError) -> LexiconWords {
        try loadLexicon(text: BuiltInData.lexicon.text, file: BuiltInData.lexicon.displayName)
    }

    /// The built-in lexicon, parsed once; for callers that classify without a config (benchmarks,
    /// tests). Empty only if the built-in file is broken, which the test suite rules out.
    public static let builtInLexicon: LexiconWords = (try? loadBuiltInLexicon()) ?? LexiconWords(lists: [:])

    /// The catalog `source` stands for: the file it names, or the built-in one.
    public static func loadCatalog(_ source: CatalogSource) throws(ConfigError) -> Catalog {
        switch source {
        case .file(let path), .besideConfig(let path): try loadCatalog(path: path)
        case .builtIn: try loadBuiltInCatalog()
        }
    }

    /// Loads a subscribers file (see config/subscribers.example.toml) on its own, checking its
    /// `apis` and `services` against `catalog` and reading webhook secrets from the process
    /// environment. Whether e-mail is configured is not known here; `reloadSubscribers(for:)`
    /// checks that too.
    public static func loadSubscribers(path: String, catalog: Catalog) throws(ConfigError) -> [Subscriber] {
        try loadSubscribers(path: path, catalog: catalog, environment: ProcessInfo.processInfo.environment, emailConfigured: nil)
    }

    /// Loads subscribers from `text`; `file` is the name errors print, `baseDirectory` what
    /// relative `secret_file` paths are resolved against.
    public static func loadSubscribers(
        text: String, file: String, baseDirectory: String, catalog: Catalog,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> [Subscriber] {
        try loadSubscribers(
            text: text, file: file, baseDirectory: baseDirectory, catalog: catalog, environment: environment,
            emailConfigured: nil)
    }

    /// The subscribers file of a loaded config, read again (SIGHUP): the same path (or, when the
    /// config named none, subscribers.toml next to the config if it exists now), the same
    /// catalog, and the check that subscribers with e-mail addresses have a way to get mail.
    /// A thrown error means the caller keeps its current subscribers.
    public static func reloadSubscribers(
        for config: VarselvaktConfig, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> [Subscriber] {
        var path = config.subscribersPath
        if path == nil {
            path = try SubscribersSection.path(from: nil, baseDirectory: FilePaths.directory(of: config.configFile))
        }
        guard let path else { return [] }
        return try loadSubscribers(
            path: path, catalog: config.catalog, environment: environment, emailConfigured: config.canDeliverEmail)
    }

    private static func loadSubscribers(
        path: String, catalog: Catalog, environment: [String: String], emailConfigured: Bool?
    ) throws(ConfigError) -> [Subscriber] {
        let text = try TOMLDocument.readText(path: FilePaths.absolute(path), file: path)
        return try loadSubscribers(
            text: text, file: path, baseDirectory: FilePaths.directory(of: path), catalog: catalog, environment: environment,
            emailConfigured: emailConfigured)
    }

    private static func loadSubscribers(
        text: String, file: String, baseDirectory: String, catalog: Catalog, environment: [String: String],
        emailConfigured: Bool?
    ) throws(ConfigError) -> [Subscriber] {
        let document = try TOMLDocument.parse(text: text, file: file)
        return try SubscribersFile.decode(
            document,
            context: SubscribersFile.Context(
                catalog: catalog, baseDirectory: FilePaths.absolute(baseDirectory), environment: environment,
                emailConfigured: emailConfigured))
    }

    private static func load(
        text: String, file: String, baseDirectory: String, configFile: String, environment: [String: String]
    ) throws(ConfigError) -> VarselvaktConfig {
        let document = try TOMLDocument.parse(text: text, file: file)
        return try VarselvaktConfig.decode(
            document, configFile: configFile, baseDirectory: FilePaths.absolute(baseDirectory), environment: environment,
            loadCatalog: { source throws(ConfigError) in try loadCatalog(source) },
            loadSubscribers: { path, catalog, emailConfigured throws(ConfigError) in
                try loadSubscribers(path: path, catalog: catalog, environment: environment, emailConfigured: emailConfigured)
            })
    }
}
