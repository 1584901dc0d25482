import TOMLKit

/// One `[[subscriber]]` table (with its optional `[subscriber.webhook]`) read into
/// `SubscriberFields`: TOML types and unknown keys are checked here, everything else by
/// `SubscriberValidator`.
enum SubscriberTable {
    static func fields(from reader: TableReader) throws(ConfigError) -> SubscriberFields {
        var fields = SubscriberFields()
        fields.id = try reader.string("id")
        fields.kind = try reader.string("kind")
        fields.name = try reader.string("name")
        fields.orgNumber = try digitString(reader, "org_number", example: "974760673")
        fields.municipalityNumber = try digitString(reader, "municipality_number", example: "0301")
        fields.emails = try reader.stringArray("emails") ?? []
        fields.apis = try reader.stringArray("apis") ?? []
        fields.services = try reader.stringArray("services") ?? []
        fields.all = try reader.bool("all")
        fields.kinds = try reader.stringArray("kinds") ?? []
        fields.minSeverity = try reader.string("min_severity")
        fields.environments = try reader.stringArray("environments")
        fields.actsFor = try reader.stringArray("acts_for") ?? []
        if let webhook = try reader.table("webhook") {
            fields.webhook = try webhookFields(from: webhook)
        }
        try reader.rejectUnknownKeys()
        return fields
    }

    private static func webhookFields(from reader: TableReader) throws(ConfigError) -> SubscriberFields.Webhook {
        var fields = SubscriberFields.Webhook()
        fields.url = try reader.string("url")
        fields.allowHTTP = try reader.bool("allow_http") ?? false
        fields.secret = try secretString(reader, "secret")
        fields.secretFile = try reader.string("secret_file")
        fields.secretEnv = try reader.string("secret_env")
        try reader.rejectUnknownKeys()
        return fields
    }

    /// Numbers with leading zeros ("0301") must be strings; an integer gets a wrong-type error
    /// that says why, rather than silently becoming "301".
    private static func digitString(_ reader: TableReader, _ key: String, example: String) throws(ConfigError) -> String? {
        try reader.typed(key, expected: "a quoted string of digits like \"\(example)\" (leading zeros matter)") { $0.string }
    }

    /// A secret written in the file. Unlike other keys, a wrong type does not show the value.
    static func secretString(_ reader: TableReader, _ key: String) throws(ConfigError) -> String? {
        guard let value = reader.value(key) else { return nil }
        guard let text = value.string else {
            throw .wrongType(
                file: reader.file, line: reader.line(of: key), key: reader.keyPath(key), expected: "a string",
                found: "a value of type \(value.type) (not shown: it is a secret)")
        }
        return text
    }
}
