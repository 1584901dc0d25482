import Foundation

/// The fields of a query string or an `application/x-www-form-urlencoded` body.
///
/// Read here rather than with `URI.queryParameters` because a form sent by GET writes a space as
/// `+` (the free-text search box), which the URI's own decoding leaves as a plus.
struct QueryValues: Sendable {
    private var values: [String: [String]] = [:]
    /// In their order, for links that keep the filters and change one field (the next page).
    private var pairs: [(String, String)] = []

    init(_ encoded: String?) {
        guard let encoded, !encoded.isEmpty else { return }
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[key, default: []].append(value)
            pairs.append((key, value))
        }
    }

    /// The first value of `name`, trimmed; nil when absent or blank (an empty filter field
    /// in a form means "no filter").
    subscript(_ name: String) -> String? {
        guard let value = values[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// Whether the field is present at all (even empty).
    func has(_ name: String) -> Bool { values[name] != nil }

    /// This query again with `name` set to `value` (or removed when nil), as `a=1&b=2`, leaving
    /// out empty fields. Encoded for a URL; Mustache's escaping then makes it safe in HTML.
    func with(_ name: String, _ value: String?) -> String {
        var kept = pairs.filter { $0.0 != name && !$0.1.isEmpty }
        if let value { kept.append((name, value)) }
        return kept.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
    }

    private static func encode(_ text: String) -> String {
        PercentEncoding.unreserved(text)
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
