import Foundation

/// What a person typed into a search box, as terms safe to hand to SQLite.
///
/// FTS5 has a query language of its own (`AND`, `NEAR(...)`, `-`, `^`, `:`, `*`, parentheses,
/// quotes): passed on raw, `Altinn (drift` or `"` is a syntax error and `NEAR(` changes the
/// meaning. So every term becomes a quoted FTS5 string (a `"` inside doubled), which FTS5 reads
/// as a phrase of plain words. Terms are words separated by spaces, or a "quoted phrase"
/// (an unclosed quote runs to the end). A trailing `*` asks for a prefix (`innsend*`). Terms
/// without a letter or digit search for nothing and are dropped.
struct SearchText: Equatable {
    struct Term: Equatable {
        var text: String
        var isPrefix: Bool
    }

    var terms: [Term]

    init(_ input: String) {
        var terms: [Term] = []
        var rest = Substring(input)
        while let first = rest.first {
            if first.isWhitespace {
                rest = rest.dropFirst()
            } else if first == "\"" {
                let body = rest.dropFirst()
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                terms.append(Self.term(body[..<end]))
                rest = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
            } else {
                let end = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
                terms.append(Self.term(rest[..<end]))
                rest = rest[end...]
            }
        }
        self.terms = terms.filter { $0.text.contains { $0.isLetter || $0.isNumber } }
    }

    private static func term(_ raw: Substring) -> Term {
        var text = raw
        var isPrefix = false
        while text.last == "*" {
            text = text.dropLast()
            isPrefix = true
        }
        return Term(text: String(text), isPrefix: isPrefix)
    }

    var isEmpty: Bool { terms.isEmpty }

    /// The FTS5 MATCH expression: every term must occur (implicit AND), each a quoted string.
    var ftsQuery: String {
        terms.map { term in
            "\"" + term.text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (term.isPrefix ? " *" : "")
        }.joined(separator: " ")
    }

    /// LIKE patterns for stores without the FTS index (a read-only store not yet migrated), `\`
    /// escaping LIKE's own `%` and `_`.
    var likePatterns: [String] {
        terms.map { term in
            let escaped = term.text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            return "%" + escaped + "%"
        }
    }
}
