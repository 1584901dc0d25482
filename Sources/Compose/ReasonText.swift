/// Why a subscriber gets an alert, in words for the footer: routing records the reason as a
/// short code (`PlannedDelivery.reason`), the reader gets "fordi dere abonnerer på inntekt".
/// Codes joined by commas are read one by one and joined with "og" ("for:0301,platform:maskinporten":
/// a vendor told of a Maskinporten notice because a municipality it acts for uses an API needing it).
enum ReasonText {
    static func sentence(for reason: String, apiNames: [String: String]) -> String {
        let parts = reason.split(separator: ",").map { phrase(for: $0.trimmingCharacters(), apiNames: apiNames) }
        guard !parts.isEmpty else { return "fordi dere står på listen over mottakere" }
        return "fordi " + join(parts)
    }

    private static func phrase(for code: String, apiNames: [String: String]) -> String {
        let (kind, value) = split(code)
        switch kind {
        case "api": return "dere abonnerer på \(apiNames[value] ?? value)"
        case "service": return "dere abonnerer på tjenesten \(value)"
        case "for": return "dere handler på vegne av kommune \(value)"
        case "platform":
            let name = apiNames[value] ?? value
            return "varselet gjelder \(name), som API-ene dere får varsler om krever"
        case "scope": return "dere abonnerer på varsler som gjelder alle Skatteetatens tjenester"
        case "storm":
            return "kilden ga \(value) varslingsverdige endringer i én henting (varselstorm): ingen av dem sendes "
                + "til kommuner eller leverandører, og dette er det eneste varselet KS får om stormen; "
                + "alle endringene står i historikken"
        default: break
        }
        switch code {
        case "all": return "dere abonnerer på alle varsler"
        case "unmatched":
            return "varselet ikke kunne knyttes til et bestemt API, og dere får slike varsler"
        default: return "dere abonnerer (\(code))"
        }
    }

    private static func split(_ code: String) -> (String, String) {
        guard let colon = code.firstIndex(of: ":") else { return ("", code) }
        return (String(code[..<colon]), String(code[code.index(after: colon)...]))
    }

    private static func join(_ parts: [String]) -> String {
        if parts.count == 1 { return parts[0] }
        return parts.dropLast().joined(separator: ", ") + " og " + parts[parts.count - 1]
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
