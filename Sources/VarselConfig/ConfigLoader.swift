public import VarselModel

/// Loads and validates varselvakt's TOML files: the main config and the API catalog.
///
/// Everything is checked before anything is returned: unknown keys (typos), wrong TOML types,
/// bad durations and sizes, refused URL schemes, duplicate names and catalog references naming
/// no API. The first problem found is thrown as a `ConfigError` that names the file, the line
/// and the key, so `varselvakt check-config` can tell an operator exactly what to fix.
public enum ConfigLoader {
    /// Loads the config file at `path`; relative paths inside it are resolved against its directory.
    /// The catalog is loaded from `[catalog] path`, else catalog.toml next to the config file if
    /// present, else it is empty.
    public static func load(path: String) throws(ConfigError) -> VarselvaktConfig {
        let text = try TOMLDocument.readText(path: FilePaths.absolute(path), file: path)
        return try load(
            text: text, file: path, baseDirectory: FilePaths.directory(of: path), configFile: FilePaths.absolute(path))
    }

    /// Loads a config from `text`. `file` is the name errors print (and `configFile`);
    /// `baseDirectory` is what relative paths (store, catalog) are resolved against.
    public static func load(text: String, file: String, baseDirectory: String) throws(ConfigError) -> VarselvaktConfig {
        try load(text: text, file: file, baseDirectory: baseDirectory, configFile: file)
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

    private static func load(
        text: String, file: String, baseDirectory: String, configFile: String
    ) throws(ConfigError) -> VarselvaktConfig {
        let document = try TOMLDocument.parse(text: text, file: file)
        return try VarselvaktConfig.decode(
            document, configFile: configFile, baseDirectory: FilePaths.absolute(baseDirectory),
            loadCatalog: { path throws(ConfigError) in try loadCatalog(path: path) })
    }
}
