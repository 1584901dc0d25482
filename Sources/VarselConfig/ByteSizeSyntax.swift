/// Sizes in the config: an integer number of bytes, or a string `<integer><unit>` with a binary
/// unit `B`, `KiB`, `MiB`, `GiB` (case-insensitive, optional space), e.g. "512KiB", "5MiB".
///
/// Decimal units ("5MB") are rejected rather than guessed, because "MB" means 10^6 to some
/// readers and 2^20 to others.
enum ByteSizeSyntax {
    static let expected = "a size like \"5MiB\" or an integer number of bytes"
    static let hint = "write bytes as an integer or e.g. \"512KiB\", \"5MiB\", \"1GiB\" (binary units B, KiB, MiB, GiB)"

    private static let units: [String: Int] = ["": 1, "b": 1, "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30]

    static func parse(_ text: String) -> Int? {
        let trimmed = Substring(text.trimmingWhitespace())
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 12, let amount = Int(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingPrefix(" ").lowercased()
        guard let multiplier = units[unit] else { return nil }
        let (bytes, overflow) = amount.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : bytes
    }

    /// "5MiB" when exact, else the number of bytes with "B".
    static func format(_ bytes: Int) -> String {
        for (suffix, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= size && bytes % size == 0 {
            return "\(bytes / size)\(suffix)"
        }
        return "\(bytes)B"
    }
}
