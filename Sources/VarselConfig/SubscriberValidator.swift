import VarselModel

/// The rules for one subscriber, shared by subscribers.toml and the CSV import: the first
/// problem is thrown as a `FieldProblem` whose path names the field (`org_number`, `emails[1]`,
/// `webhook.url`), and each front end adds its own file, line and subscriber name.
///
/// Rules that need the other subscribers (unique ids) or the main config (is e-mail configured?)
/// are checked by the callers; the rest is here.
struct SubscriberValidator {
    let catalog: Catalog

    func validate(_ fields: SubscriberFields) throws(FieldProblem) -> ValidatedSubscriber {
        let kind = try kind(fields.kind)
        let name = try name(fields.name)
        guard let orgText = fields.orgNumber else {
            throw FieldProblem("org_number", "missing; expected the organisation number (9 digits, e.g. \"974760673\")")
        }
        let orgNumber: String
        switch OrganisationNumber.validate(orgText) {
        case .success(let digits): orgNumber = digits
        case .failure(let text): throw FieldProblem("org_number", text.message)
        }
        let id = try id(fields.id, default: orgNumber)
        let municipalityNumber = try municipalityNumber(fields.municipalityNumber, kind: kind)
        let emails = try emails(fields.emails)
        let apis = try references(fields.apis, key: "apis", known: catalog.apis.map(\.id), noun: "an API id in the catalog")
        let services = try references(
            fields.services, key: "services", known: catalog.services.map(\.id), noun: "a service id in the catalog")
        let kinds = try kinds(fields.kinds)
        let minSeverity = try minSeverity(fields.minSeverity)
        let environments = try environments(fields.environments, kind: kind)
        let actsFor = try actsFor(fields.actsFor, kind: kind)
        let webhook = try fields.webhook.map { webhook throws(FieldProblem) in try self.webhook(webhook) }

        if emails.isEmpty && webhook == nil {
            throw FieldProblem(
                ConfigKeyPath(),
                "has no e-mail address and no webhook, so it would never get anything; add emails or [subscriber.webhook]")
        }
        // KS support is the safety net: with nothing chosen it hears about everything.
        let everything = fields.all ?? (kind == .ks && apis.isEmpty && services.isEmpty)
        if !everything && apis.isEmpty && services.isEmpty && actsFor.isEmpty {
            throw FieldProblem(
                ConfigKeyPath(),
                "subscribes to nothing (no apis, services, all = true or acts_for), so it would never get anything")
        }
        return ValidatedSubscriber(
            id: id, idWasGiven: fields.id != nil, kind: kind, name: name, orgNumber: orgNumber,
            municipalityNumber: municipalityNumber, emails: emails,
            subscription: Subscription(
                everything: everything, apis: apis, services: services, kinds: Set(kinds),
                minSeverity: minSeverity, environments: environments),
            actsFor: actsFor, webhookURL: webhook?.url, webhookAllowHTTP: webhook?.allowHTTP ?? false,
            webhookSecret: webhook?.secret)
    }

    private func kind(_ text: String?) throws(FieldProblem) -> SubscriberKind {
        let choices = SubscriberKind.allCases.map(\.rawValue)
        let expected = "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let text else { throw FieldProblem("kind", "missing; expected \(expected)") }
        guard let kind = SubscriberKind(rawValue: text) else {
            let hint = KeySuggestion.closest(to: text, among: choices).map { "; did you mean \"\($0)\"?" } ?? ""
            throw FieldProblem("kind", "\"\(TextRules.shown(text))\" is not \(expected)\(hint)")
        }
        return kind
    }

    private func name(_ text: String?) throws(FieldProblem) -> String {
        guard let text else { throw FieldProblem("name", "missing; expected the name alerts greet, e.g. \"Oslo kommune\"") }
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw FieldProblem("name", "must not be empty") }
        guard !TextRules.hasControlCharacters(trimmed) else {
            throw FieldProblem("name", "must not contain control characters or line breaks")
        }
        return trimmed
    }

    private func id(_ text: String?, default orgNumber: String) throws(FieldProblem) -> SubscriberID {
        guard let text else { return SubscriberID(orgNumber) }
        guard ConfigID.isValid(text), text.count <= 64 else {
            throw FieldProblem("id", "\"\(TextRules.shown(text))\" is not a valid id; \(ConfigID.rule), at most 64 characters")
        }
        return SubscriberID(text)
    }

    private func municipalityNumber(_ text: String?, kind: SubscriberKind) throws(FieldProblem) -> String? {
        guard let text else {
            if kind == .municipality {
                throw FieldProblem("municipality_number", "missing; a municipality needs its kommunenummer, e.g. \"0301\"")
            }
            return nil
        }
        guard kind == .municipality else {
            throw FieldProblem(
                "municipality_number",
                "only a municipality has one; a vendor lists the municipalities it acts for in acts_for")
        }
        guard Self.isMunicipalityNumber(text) else {
            throw FieldProblem(
                "municipality_number", "\"\(TextRules.shown(text))\" is not a kommunenummer (4 digits, e.g. \"0301\")")
        }
        return text
    }

    private func emails(_ addresses: [String]) throws(FieldProblem) -> [String] {
        var seen: [String: Int] = [:]
        for (position, address) in addresses.enumerated() {
            let path = ConfigKeyPath([.key("emails"), .index(position)])
            if let problem = EmailAddressRule.problem(with: address) { throw FieldProblem(path, problem) }
            if let first = seen[address.lowercased()] {
                throw FieldProblem(path, "\"\(address)\" is listed twice (also emails[\(first)])")
            }
            seen[address.lowercased()] = position
        }
        return addresses
    }

    private func references(_ ids: [String], key: String, known: [String], noun: String) throws(FieldProblem) -> [String] {
        for (position, id) in ids.enumerated() {
            let path = ConfigKeyPath([.key(key), .index(position)])
            guard known.contains(id) else {
                let hint = KeySuggestion.closest(to: id, among: known).map { "; did you mean \"\($0)\"?" } ?? ""
                throw FieldProblem(path, "\"\(TextRules.shown(id))\" is not \(noun)\(hint)")
            }
            if ids[..<position].contains(id) { throw FieldProblem(path, "\"\(id)\" is listed twice") }
        }
        return ids
    }

    private func kinds(_ words: [String]) throws(FieldProblem) -> [NoticeKind] {
        let choices = NoticeKind.allCases.map(\.rawValue)
        var kinds: [NoticeKind] = []
        for (position, word) in words.enumerated() {
            guard let kind = NoticeKind(rawValue: word) else {
                let hint = KeySuggestion.closest(to: word, among: choices).map { "; did you mean \"\($0)\"?" } ?? ""
                throw FieldProblem(
                    ConfigKeyPath([.key("kinds"), .index(position)]),
                    "\"\(TextRules.shown(word))\" is not a kind of notice (\(choices.joined(separator: ", ")))\(hint)")
            }
            kinds.append(kind)
        }
        return kinds
    }

    /// `min_severity`: one of Severity's words, lower case as status pages write `impact`.
    private func minSeverity(_ text: String?) throws(FieldProblem) -> Severity? {
        guard let text else { return nil }
        let choices = Severity.allCases.map(\.rawValue)
        let expected = "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let severity = Severity(rawValue: text) else {
            let hint = KeySuggestion.closest(to: text, among: choices).map { "; did you mean \"\($0)\"?" } ?? ""
            throw FieldProblem("min_severity", "\"\(TextRules.shown(text))\" is not \(expected)\(hint)")
        }
        return severity
    }

    /// `environments`: "production", "test" or "both" (both of them), each once; absent means the
    /// kind's default (`SubscriberKind.defaultEnvironments`). An empty list is refused: it would
    /// hear of nothing, and absent is how one asks for the default.
    private func environments(_ words: [String]?, kind: SubscriberKind) throws(FieldProblem) -> Set<NoticeEnvironment> {
        guard let words else { return kind.defaultEnvironments }
        let choices = NoticeEnvironment.allCases.map(\.rawValue)
        let expected = "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
        guard !words.isEmpty else {
            throw FieldProblem(
                "environments",
                "is empty, so it would never get anything; give \(expected) (or leave it out for the default, "
                    + Self.shown(kind.defaultEnvironments) + " for a \(kind.rawValue))")
        }
        var environments = Set<NoticeEnvironment>()
        for (position, word) in words.enumerated() {
            let path = ConfigKeyPath([.key("environments"), .index(position)])
            guard let environment = NoticeEnvironment(rawValue: word) else {
                let hint = KeySuggestion.closest(to: word, among: choices).map { "; did you mean \"\($0)\"?" } ?? ""
                throw FieldProblem(path, "\"\(TextRules.shown(word))\" is not \(expected)\(hint)")
            }
            if words[..<position].contains(word) { throw FieldProblem(path, "\"\(word)\" is listed twice") }
            switch environment {
            case .both: environments.formUnion([.production, .test])
            case .production, .test: environments.insert(environment)
            }
        }
        return environments
    }

    /// `["production", "test"]`, in NoticeEnvironment's order.
    static func shown(_ environments: Set<NoticeEnvironment>) -> String {
        "[" + NoticeEnvironment.allCases.filter(environments.contains).map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]"
    }

    private func actsFor(_ numbers: [String], kind: SubscriberKind) throws(FieldProblem) -> [String] {
        guard !numbers.isEmpty else { return [] }
        guard kind == .vendor else {
            throw FieldProblem(
                "acts_for", "only a vendor acts for municipalities (this subscriber's kind is \"\(kind.rawValue)\")")
        }
        for (position, number) in numbers.enumerated() {
            let path = ConfigKeyPath([.key("acts_for"), .index(position)])
            guard Self.isMunicipalityNumber(number) else {
                throw FieldProblem(path, "\"\(TextRules.shown(number))\" is not a kommunenummer (4 digits, e.g. \"0301\")")
            }
            if numbers[..<position].contains(number) { throw FieldProblem(path, "\"\(number)\" is listed twice") }
        }
        return numbers
    }

    private func webhook(_ fields: SubscriberFields.Webhook) throws(FieldProblem) -> (
        url: String, allowHTTP: Bool, secret: SecretSource
    ) {
        let base = ConfigKeyPath([.key("webhook")])
        guard let url = fields.url?.trimmingWhitespace(), !url.isEmpty else {
            throw FieldProblem(base.appending("url"), "missing; expected the receiver's https URL")
        }
        if let problem = WebhookURLRule.problem(with: url, allowHTTP: fields.allowHTTP) {
            throw FieldProblem(base.appending("url"), problem)
        }
        let source = try SecretSource.choose(
            literal: fields.secret, file: fields.secretFile, environment: fields.secretEnv, keys: .webhook, base: base)
        guard let source else {
            throw FieldProblem(
                base.appending("secret_env"),
                "missing; a webhook needs a signing secret: give secret_env (an environment variable) or secret_file")
        }
        return (url, fields.allowHTTP, source)
    }

    /// A kommunenummer: 4 digits (2 for the county, 2 for the municipality), never 0000.
    static func isMunicipalityNumber(_ text: String) -> Bool {
        TextRules.isDigits(text, count: 4) && text != "0000"
    }
}
