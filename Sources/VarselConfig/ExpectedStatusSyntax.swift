import TOMLKit

/// The `expect` key of `[probe_defaults]` and `[apis.probe]`: which HTTP statuses mean "up".
///
/// An array whose elements are statuses (integers 100...599) or whole classes written as
/// "1xx" ... "5xx", e.g. `expect = ["2xx", "3xx", 401, 403, 404]` (the default: Skatteetaten's
/// gateway answers a request without a Maskinporten token with 401/403/404, which proves the API
/// is reachable). The statuses listed replace the defaults; they are not added to them.
enum ExpectedStatusSyntax {
    static let expected = "an array of statuses (100...599) and classes (\"2xx\"), e.g. [\"2xx\", \"3xx\", 401, 403, 404]"
    static let statuses = 100...599

    /// The statuses one element stands for, or nil when it is neither a status nor a class.
    static func statuses(of element: any TOMLValueConvertible) -> Set<Int>? {
        if let status = element.int {
            return statuses.contains(status) ? [status] : nil
        }
        guard let text = element.string, text.count == 3, text.lowercased().hasSuffix("xx"),
            let digit = text.first?.wholeNumberValue, (1...5).contains(digit)
        else { return nil }
        return Set(digit * 100...digit * 100 + 99)
    }

    /// The shortest way to write `statuses`: full classes as "2xx", the rest one by one, in order.
    static func format(_ statuses: Set<Int>) -> String {
        var parts: [String] = []
        for digit in 1...5 {
            let range = digit * 100...digit * 100 + 99
            if range.allSatisfy(statuses.contains) {
                parts.append("\(digit)xx")
            } else {
                parts += range.filter(statuses.contains).map(String.init)
            }
        }
        return parts.joined(separator: ", ")
    }
}

extension TableReader {
    /// The statuses at `key` (see `ExpectedStatusSyntax`); nil when absent. An element that is
    /// neither a status nor a class is reported at its own line as `key[i]`.
    func expectedStatuses(_ key: String) throws(ConfigError) -> Set<Int>? {
        guard let array = try typed(key, expected: ExpectedStatusSyntax.expected, { $0.array }) else { return nil }
        guard !array.isEmpty else { throw invalid(key, "must list at least one status; nothing would count as up") }
        var statuses: Set<Int> = []
        for (position, element) in array.enumerated() {
            guard let more = ExpectedStatusSyntax.statuses(of: element) else {
                let elementPath = path.appending(key).appending(index: position)
                throw .invalidValue(
                    file: file, line: document.locator.line(of: elementPath), key: display(elementPath),
                    problem: "\(Self.describe(element)) is not a status 100...599 or a class \"1xx\"...\"5xx\"")
            }
            statuses.formUnion(more)
        }
        return statuses
    }
}
