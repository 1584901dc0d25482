/// The duration strings the config uses: one or more `<integer><unit>` parts, units `ms`, `s`,
/// `m`, `h`, `d`, e.g. "500ms", "60s", "5m", "1h30m". "0" alone means zero.
///
/// Strings rather than bare integers because "interval = 60" does not say whether it means
/// seconds or minutes; an integer is reported as a wrong type.
enum DurationSyntax {
    static let expected = "a duration like \"60s\""
    static let hint = "write e.g. \"500ms\", \"60s\", \"5m\", \"1h30m\" (units ms, s, m, h, d)"

    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ]

    /// The duration, or nil when `text` is not in the syntax above (or absurdly large).
    static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingWhitespace()
        if trimmed == "0" { return .zero }
        var rest = Substring(trimmed)
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 12, let amount = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            guard let unit = units.first(where: { $0.suffix == letters }) else { return nil }
            rest = rest.dropFirst(letters.count)
            let (part, overflow1) = amount.multipliedReportingOverflow(by: unit.milliseconds)
            let (sum, overflow2) = total.addingReportingOverflow(part)
            guard !overflow1, !overflow2 else { return nil }
            total = sum
        }
        return .milliseconds(total)
    }

    /// The shortest string in the same syntax: "5m", "1h30m", "500ms", "0s".
    static func format(_ duration: Duration) -> String {
        let components = duration.components
        var milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        if milliseconds == 0 { return "0s" }
        var text = ""
        for (suffix, size) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)] {
            let count = milliseconds / size
            if count > 0 {
                text += "\(count)\(suffix)"
                milliseconds -= count * size
            }
        }
        return text
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
