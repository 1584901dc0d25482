import VarselModel

/// What one catalog API's probe becomes: `[probe_defaults]`, overridden by its `[apis.probe]`,
/// with URLs derived from the API's own.
enum ProbeDerivation {
    /// nil when the API is not probed: `enabled = false`, or nothing to probe (no production
    /// `url` and no probe URL, as for Folkeregisteret and the APIs sanert in 2024). Otherwise the
    /// settings, `url` defaulting to the API's `url` + "/" and `testURL` to its `test_url` + "/"
    /// (the gateway answers the base path with the slash).
    static func probe(for api: CatalogAPI, table: TableReader?, defaults: ProbeSettings) throws(ConfigError) -> ProbeSettings? {
        var settings =
            try table.map { reader throws(ConfigError) in try ProbeSettings(from: reader, defaults: defaults, allowURLs: true) }
            ?? defaults
        guard settings.enabled, api.url != nil || settings.url != nil || settings.testURL != nil else { return nil }
        settings.url = settings.url ?? api.url.map(withSlash)
        settings.testURL = settings.testURL ?? api.testURL.map(withSlash)
        return settings
    }

    static func withSlash(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }
}
