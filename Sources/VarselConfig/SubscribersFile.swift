import TOMLKit
import VarselModel

/// subscribers.toml: any number of `[[subscriber]]` tables (none is valid: nobody is alerted).
///
/// Each table is read by `SubscriberTable`, validated by `SubscriberValidator`, then its webhook
/// secret is read; ids must be unique. Errors name the subscriber by id (or name) rather than by
/// its index: `subscribers.toml:14: subscriber "oslo": org_number: ...`.
enum SubscribersFile {
    struct Context {
        var catalog: Catalog
        /// What relative `secret_file` paths are resolved against: the subscribers file's folder.
        var baseDirectory: String
        var environment: [String: String]
        /// Whether e-mail can be delivered (`[email]` or `[delivery] file_sink`); nil when not
        /// known (the file loaded on its own), which skips that check.
        var emailConfigured: Bool?
    }

    static func decode(_ document: TOMLDocument, context: Context) throws(ConfigError) -> [Subscriber] {
        let root = document.rootReader()
        let tables = try root.arrayOfTables("subscriber") ?? []
        try root.rejectUnknownKeys()
        let validator = SubscriberValidator(catalog: context.catalog)
        var subscribers: [Subscriber] = []
        var ids = UniqueValues()
        for (position, table) in tables.enumerated() {
            let reader = table.labelled(
                SubscriberFields.label(
                    id: table.table["id"]?.string, name: table.table["name"]?.string, fallback: "subscriber[\(position)]"))
            let fields = try SubscriberTable.fields(from: reader)
            let valid: ValidatedSubscriber
            do throws(FieldProblem) {
                valid = try validator.validate(fields)
            } catch {
                throw reader.error(for: error)
            }
            try ids.insert(valid.id.rawValue, file: reader.file, key: reader.keyPath("id"), line: reader.line(of: "id"))
            if context.emailConfigured == false && !valid.emails.isEmpty {
                throw reader.invalid(
                    "emails",
                    "e-mail addresses are given, but varselvakt.toml has no [email] section (and no [delivery] file_sink) "
                        + "to send them with")
            }
            var secret: Secret?
            if let source = valid.webhookSecret {
                switch source.resolve(baseDirectory: context.baseDirectory, environment: context.environment) {
                case .success(let value): secret = value
                case .failure(let problem):
                    throw reader.error(
                        for: FieldProblem(ConfigKeyPath([.key("webhook"), .key(source.key(in: .webhook))]), problem.message))
                }
            }
            subscribers.append(valid.subscriber(secret: secret))
        }
        return subscribers
    }
}
