import VarselModel

/// The one line of history routing leaves per change, in Norwegian (bokmål): KS support reads
/// it to answer "who was told, and if nobody, why not?".
enum RoutingNote {
    /// Subscribers and deliveries per channel, counted while deliveries are planned.
    struct Count {
        var subscribers = 0
        var email = 0
        var webhook = 0

        var deliveries: Int { email + webhook }

        mutating func add(_ channel: DeliveryChannel) {
            switch channel {
            case .email: email += 1
            case .webhook: webhook += 1
            }
        }
    }

    /// "grunnlinje: varsles ikke", "utløpt: varsles ikke".
    static func notAlerting(_ change: ChangeType) -> String {
        let what =
            switch change {
            case .baseline: "grunnlinje"
            case .expired: "utløpt"
            case .new: "ny"
            case .changed: "endret"
            case .withdrawn: "trukket tilbake"
            case .reappeared: "dukket opp igjen"
            }
        return "\(what): varsles ikke"
    }

    /// "3 abonnenter, 5 leveranser (e-post 3, webhook 2)"; prefixed "ingen API gjenkjent: "
    /// for a notice that named no known API, or "Maskinporten: alle API-er som krever
    /// Maskinporten; " for a notice naming a platform APIs depend on; "ingen abonnent for
    /// inntekt, restanser" when nobody matched. Suffixed "; 2 abonnenter holdt tilbake av
    /// environments (miljø test)" when environment filters kept subscribers out, then "; 1
    /// abonnent holdt tilbake av min_severity (alvorlighetsgrad minor)" for severity filters.
    /// The values are the config's words, so the operator sees what to change.
    static func routed(
        _ count: Count, change: ChangeRecord, unrecognised: Bool, platforms: [String] = [], heldBackBySeverity: Int = 0,
        heldBackByEnvironment: Int = 0
    ) -> String {
        var line = counted(count, change: change, unrecognised: unrecognised)
        if !platforms.isEmpty { line = platforms.map(platformReach).joined(separator: "; ") + "; " + line }
        if heldBackByEnvironment > 0 {
            line += "; \(subscribers(heldBackByEnvironment)) holdt tilbake av environments (miljø \(change.environment.rawValue))"
        }
        if heldBackBySeverity > 0, let severity = change.severity {
            line += "; \(subscribers(heldBackBySeverity)) holdt tilbake av min_severity (alvorlighetsgrad \(severity.rawValue))"
        }
        return line
    }

    /// "1 abonnent", "2 abonnenter".
    private static func subscribers(_ count: Int) -> String {
        count == 1 ? "1 abonnent" : "\(count) abonnenter"
    }

    /// "varselstorm: 412 varslingsverdige endringer i én henting (grensen er 25), holdt tilbake
    /// fra 37 abonnenter; KS varslet (2 leveranser)", or "…; KS er alt varslet om stormen".
    static func storm(_ storm: AlertStorm, wouldReach: Int, toldKS deliveries: Int) -> String {
        var line = "varselstorm: \(storm.changes) varslingsverdige endringer i én henting (grensen er \(storm.threshold))"
        line += wouldReach > 0 ? ", holdt tilbake fra \(subscribers(wouldReach))" : ", ingen abonnent ville fått den"
        if deliveries > 0 {
            line += "; KS varslet (\(deliveries == 1 ? "1 leveranse" : "\(deliveries) leveranser"))"
        } else if storm.tellKS && storm.firstNotice != nil {
            line += "; KS varsles på stormens første endring"
        } else {
            line += "; KS er alt varslet om stormen"
        }
        return line
    }

    /// Why a platform notice reached the subscribers of other APIs: "Maskinporten: alle API-er
    /// som krever Maskinporten".
    static func platformReach(_ name: String) -> String {
        "\(name): alle API-er som krever \(name)"
    }

    private static func counted(_ count: Count, change: ChangeRecord, unrecognised: Bool) -> String {
        guard count.subscribers > 0 else { return nobody(change: change, unrecognised: unrecognised) }
        var channels: [String] = []
        if count.email > 0 { channels.append("e-post \(count.email)") }
        if count.webhook > 0 { channels.append("webhook \(count.webhook)") }
        let detail = channels.isEmpty ? "ingen kanal konfigurert" : channels.joined(separator: ", ")
        let subscribers = count.subscribers == 1 ? "1 abonnent" : "\(count.subscribers) abonnenter"
        let deliveries = count.deliveries == 1 ? "1 leveranse" : "\(count.deliveries) leveranser"
        let line = "\(subscribers), \(deliveries) (\(detail))"
        return unrecognised ? "ingen API gjenkjent: \(line)" : line
    }

    private static func nobody(change: ChangeRecord, unrecognised: Bool) -> String {
        if unrecognised { return "ingen abonnent: ingen API gjenkjent, og ingen KS- eller alle-abonnent" }
        let apis = change.apis.joined(separator: ", ")
        if change.scope == .all {
            return apis.isEmpty
                ? "ingen abonnent for Skatteetatens tjenester generelt"
                : "ingen abonnent for Skatteetatens tjenester generelt (nevner \(apis))"
        }
        return "ingen abonnent for \(apis)"
    }
}
