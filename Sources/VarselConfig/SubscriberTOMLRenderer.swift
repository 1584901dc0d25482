import VarselModel

/// Writes validated subscribers as subscribers.toml, in the shape config/subscribers.example.toml
/// documents; loading the result gives the same subscribers back.
enum SubscriberTOMLRenderer {
    static func render(_ subscribers: [ValidatedSubscriber], source: String) -> String {
        var lines = [
            "# Subscribers imported from \(TOMLWriter.comment(source)) by `varselvakt subscribers import`.",
            "# Keys are documented in subscribers.example.toml. Check before use: varselvakt check-config",
        ]
        for subscriber in subscribers {
            lines += [""] + render(subscriber)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ subscriber: ValidatedSubscriber) -> [String] {
        var lines = ["[[subscriber]]"]
        func add(_ key: String, _ value: String) { lines.append("\(key) = \(value)") }
        func add(_ key: String, list: [String]) { if !list.isEmpty { add(key, TOMLWriter.array(list)) } }
        if subscriber.idWasGiven { add("id", TOMLWriter.string(subscriber.id.rawValue)) }
        add("kind", TOMLWriter.string(subscriber.kind.rawValue))
        add("name", TOMLWriter.string(subscriber.name))
        add("org_number", TOMLWriter.string(subscriber.orgNumber))
        if let number = subscriber.municipalityNumber { add("municipality_number", TOMLWriter.string(number)) }
        add("emails", list: subscriber.emails)
        add("apis", list: subscriber.subscription.apis)
        add("services", list: subscriber.subscription.services)
        if subscriber.subscription.everything { add("all", "true") }
        add("kinds", list: NoticeKind.allCases.filter(subscriber.subscription.kinds.contains).map(\.rawValue))
        if let severity = subscriber.subscription.minSeverity { add("min_severity", TOMLWriter.string(severity.rawValue)) }
        // Only when it differs from the kind's default, so a later change of default reaches
        // every subscriber that never chose.
        if subscriber.subscription.environments != subscriber.kind.defaultEnvironments {
            add(
                "environments",
                list: NoticeEnvironment.allCases.filter(subscriber.subscription.environments.contains).map(\.rawValue))
        }
        add("acts_for", list: subscriber.actsFor)
        if let url = subscriber.webhookURL, let secret = subscriber.webhookSecret {
            lines.append("[subscriber.webhook]")
            add("url", TOMLWriter.string(url))
            if subscriber.webhookAllowHTTP { add("allow_http", "true") }
            switch secret {
            case .environment(let name): add("secret_env", TOMLWriter.string(name))
            case .file(let path): add("secret_file", TOMLWriter.string(path))
            case .literal(let value): add("secret", TOMLWriter.string(value.value))
            }
        }
        return lines
    }
}
