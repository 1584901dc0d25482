import Foundation
public import VarselModel

extension FeedConfig {
    /// One `[[feeds]]` table; keys not given take `defaults`. Uniqueness and catalog references
    /// are checked across all feeds by `FeedsSection`. A feed is given either by `url`, or by
    /// `path` (a local snapshot file, relative to the config's folder, read as file://).
    /// `format` (default "auto") says how the source is read; a status page's `url` is its base
    /// URL, so a query or fragment there is refused rather than silently dropped.
    init(from reader: TableReader, defaults: PollDefaults, baseDirectory: String) throws(ConfigError) {
        let url: String
        switch (try reader.nonEmptyString("url"), try reader.nonEmptyString("path")) {
        case (let given?, nil):
            url = given
        case (nil, let path?):
            url = URL(fileURLWithPath: FilePaths.resolve(path, against: baseDirectory)).absoluteString
        case (.some, .some):
            throw reader.invalid("path", "give either url or path, not both")
        case (nil, nil):
            throw reader.missing("url", expected: "a string: the feed's https URL (or path = \"local/file.xml\")")
        }
        let allowHTTP = try reader.bool("allow_http") ?? false
        let format = try reader.word("format", as: SourceFormat.self) ?? .auto
        // A file snapshot given by `path` is reported at `path`, where the operator wrote it.
        let urlKey = reader.contains("url") ? "url" : "path"
        if let problem = FeedURLRule.problem(with: url, allowHTTP: allowHTTP) {
            throw reader.invalid(urlKey, problem)
        }
        if format == .statuspage, let problem = FeedURLRule.statusPageProblem(with: url) {
            throw reader.invalid(urlKey, problem)
        }
        let id: FeedID
        if let name = try reader.nonEmptyString("name") {
            guard ConfigID.isValid(name) else {
                throw reader.invalid("name", "\"\(name)\" is not a valid name; \(ConfigID.rule)")
            }
            id = FeedID(name)
        } else {
            id = Self.derivedID(from: url)
        }
        typealias Limits = PollDefaults.Limits
        self.init(
            id: id, url: url, format: format, apis: try reader.stringArray("apis") ?? [], allowHTTP: allowHTTP,
            defaults: defaults,
            interval: try reader.duration("interval", atLeast: Limits.minimumInterval),
            timeout: try reader.duration("timeout", atLeast: Limits.minimumTimeout),
            connectTimeout: try reader.duration("connect_timeout", atLeast: Limits.minimumTimeout),
            maxBytes: try reader.byteSize("max_bytes", in: Limits.maxBytes),
            maxRedirects: try reader.int("max_redirects", in: Limits.maxRedirects),
            withdrawAfterPolls: try reader.int("withdraw_after_polls", in: Limits.withdrawAfterPolls),
            baselineAlertMaxAge: try reader.duration("baseline_alert_max_age"),
            stormThreshold: try reader.int("storm_threshold", in: Limits.stormThreshold))
        try reader.rejectUnknownKeys()
    }

    /// A stable id from the URL's host and path: lower-cased, every run of other characters
    /// turned into one '-'. "https://skatteetaten.github.io/x/atom.xml" gives
    /// "skatteetaten-github-io-x-atom-xml". Changing a feed's URL therefore changes its id unless
    /// the feed has a `name`, which is why the example config names its feeds.
    public static func derivedID(from url: String) -> FeedID {
        var text = url
        if let range = text.range(of: "://") { text = String(text[range.upperBound...]) }
        if let query = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<query]) }
        var id = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !id.isEmpty { id += "-" }
                pendingDash = false
                id.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return FeedID(id.isEmpty ? "feed" : id)
    }
}
