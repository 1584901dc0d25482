import Foundation
import VarselModel

extension DeliveryConfig {
    enum Limits {
        static let perHostConcurrency = 1...256
        static let concurrency = 1...1024
        static let minimumDelay = Duration.milliseconds(1)
    }

    /// `[delivery]` (every key optional). `templates` and `file_sink` are resolved against the
    /// config's folder; a `templates` folder given here must exist. Without one, `templates` next
    /// to the config is used if it exists, else the installed templates (not checked here: the
    /// summary says when they are missing).
    init(from reader: TableReader?, baseDirectory: String) throws(ConfigError) {
        self.init()
        let nextToConfig = FilePaths.resolve("templates", against: baseDirectory)
        if FilePaths.isDirectory(nextToConfig) { templatesPath = nextToConfig }
        guard let reader else { return }
        if let value = try reader.duration("max_age", atLeast: .seconds(1)) { maxAge = value }
        if let value = try reader.duration("retry_initial", atLeast: Limits.minimumDelay) { retryInitial = value }
        if let value = try reader.duration("retry_max", atLeast: Limits.minimumDelay) { retryMax = value }
        if let value = try reader.int("per_host_concurrency", in: Limits.perHostConcurrency) { perHostConcurrency = value }
        if let value = try reader.int("concurrency", in: Limits.concurrency) { concurrency = value }
        if let path = try reader.nonEmptyString("templates") {
            let resolved = FilePaths.resolve(path, against: baseDirectory)
            guard FilePaths.isDirectory(resolved) else {
                throw reader.invalid("templates", "\(resolved) is not a folder (it must hold the alert templates)")
            }
            templatesPath = resolved
        }
        if let path = try reader.nonEmptyString("file_sink") {
            fileSink = FilePaths.resolve(path, against: baseDirectory)
        }
        if let blocks = try reader.stringArray("allow_private_webhooks") {
            allowPrivateWebhooks = try Self.networks(blocks, key: "allow_private_webhooks", reader: reader)
        }
        try reader.rejectUnknownKeys()
        guard retryMax >= retryInitial else {
            throw reader.invalid(
                reader.contains("retry_max") ? "retry_max" : "retry_initial",
                "retry_max (\(DurationSyntax.format(retryMax))) is shorter than retry_initial (\(DurationSyntax.format(retryInitial)))"
            )
        }
    }
}

extension DeliveryConfig {
    /// Each element of `key` as a CIDR block; the first bad one names its position and text.
    static func networks(_ texts: [String], key: String, reader: TableReader) throws(ConfigError) -> [IPNetwork] {
        var networks: [IPNetwork] = []
        for (position, text) in texts.enumerated() {
            do throws(IPNetwork.ParseError) {
                networks.append(try IPNetwork(cidr: text))
            } catch {
                throw .invalidValue(
                    file: reader.file, line: reader.line(of: key, element: position) ?? reader.line(of: key),
                    key: reader.display(reader.path.appending(key).appending(index: position)),
                    problem: "\"\(TextRules.shown(error.text))\" \(error.problem)")
            }
        }
        return networks
    }
}

extension WebhookConfig {
    /// `[webhook]`: `timeout`, `connect_timeout` (both optional).
    init(from reader: TableReader) throws(ConfigError) {
        self.init()
        if let value = try reader.duration("timeout", atLeast: .milliseconds(1)) { timeout = value }
        if let value = try reader.duration("connect_timeout", atLeast: .milliseconds(1)) { connectTimeout = value }
        try reader.rejectUnknownKeys()
    }
}
