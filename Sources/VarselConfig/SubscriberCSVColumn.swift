/// The columns a subscriber spreadsheet may have, and the header names (English and Norwegian)
/// each is recognised by. Header matching ignores case and everything but letters and digits,
/// so "Org.nr", "org_number" and "E-post" all match.
enum SubscriberCSVColumn: String, CaseIterable {
    case id
    case kind
    case name
    case orgNumber = "org_number"
    case municipalityNumber = "municipality_number"
    case emails
    case webhookURL = "webhook_url"
    case webhookSecretEnv = "webhook_secret_env"
    case webhookSecretFile = "webhook_secret_file"
    case apis
    case services
    case all
    case kinds
    case minSeverity = "min_severity"
    case environments
    case actsFor = "acts_for"

    /// Columns every spreadsheet must have.
    static let required: [SubscriberCSVColumn] = [.kind, .name, .orgNumber]

    private var aliases: [String] {
        switch self {
        case .id: ["id"]
        case .kind: ["kind", "type"]
        case .name: ["name", "navn"]
        case .orgNumber: ["orgnumber", "orgnr", "orgnummer", "organisasjonsnummer"]
        case .municipalityNumber: ["municipalitynumber", "kommunenr", "kommunenummer"]
        case .emails: ["emails", "email", "epost", "epostadresser"]
        case .webhookURL: ["webhookurl", "webhook"]
        case .webhookSecretEnv: ["webhooksecretenv"]
        case .webhookSecretFile: ["webhooksecretfile"]
        case .apis: ["apis", "api", "apier"]
        case .services: ["services", "tjenester"]
        case .all: ["all", "alle"]
        case .kinds: ["kinds", "varseltyper"]
        case .minSeverity: ["minseverity", "minalvorlighet", "alvorlighetsgrad"]
        case .environments: ["environments", "environment", "miljø", "miljøer", "miljo", "miljoer", "miljoe", "miljoeer"]
        case .actsFor: ["actsfor", "paavegneav", "påvegneav"]
        }
    }

    init?(header: String) {
        let key = String(header.lowercased().filter { $0.isLetter || $0.isNumber })
        guard let column = Self.allCases.first(where: { $0.aliases.contains(key) }) else { return nil }
        self = column
    }

    /// The column a validation problem is about (`emails[1]` -> emails, `webhook.url` -> webhook_url).
    static func name(for path: ConfigKeyPath) -> String? {
        let keys = path.components.compactMap { component -> String? in
            if case .key(let key) = component { return key }
            return nil
        }
        guard let first = keys.first else { return nil }
        if first == "webhook", keys.count > 1 {
            return keys[1] == "secret" ? "webhook_secret_env" : "webhook_\(keys[1])"
        }
        return first
    }

    /// Words a `kind` cell may hold besides the English ones.
    static func kind(fromCell text: String) -> String {
        switch text.lowercased() {
        case "kommune": "municipality"
        case "leverandør", "leverandor", "leverandoer": "vendor"
        case let other: other
        }
    }

    /// Words an `environments` value may hold besides the English ones (produksjon, begge).
    static func environment(fromCell text: String) -> String {
        switch text.lowercased() {
        case "produksjon", "prod": "production"
        case "begge": "both"
        case let other: other
        }
    }

    /// An `all` cell: ja/nei, yes/no, true/false, 1/0, x; nil when it is none of these.
    static func flag(fromCell text: String) -> Bool? {
        switch text.lowercased() {
        case "ja", "yes", "true", "1", "x": true
        case "nei", "no", "false", "0": false
        default: nil
        }
    }

    /// A list cell: values separated by spaces, ',', ';' or '|' (none of which can be part of
    /// an address, id or kommunenummer).
    static func list(fromCell text: String) -> [String] {
        text.split { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "|" }.map(String.init)
    }

    /// Spreadsheets drop leading zeros: a 3-digit kommunenummer ("301") is Oslo's "0301".
    static func municipalityNumber(fromCell text: String) -> String {
        TextRules.isDigits(text, count: 3) ? "0" + text : text
    }
}
