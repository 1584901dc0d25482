import Foundation
import VarselModel

/// Finds the catalog APIs a notice names, from its feed categories and its words.
///
/// Order (DOMAIN.md section 6):
///  1. Categories, folded to lower case, against `CatalogAPI.categories`. A category listed by
///     exactly one API names it ("restanser", "otp", "aktiv konto").
///  2. Names and aliases in title + summary + content, whole words, case-insensitive, longest
///     first; a match consumes its words, so "Spesifisert summert skattegrunnlag API" is not also
///     "Summert skattegrunnlag API", and "Pensjonsgivende inntekt API" is not "Inntekt API".
///  3. A category listed by several APIs is a family tag ("skatteoppgjør"): it adds the whole family
///     only when step 2 found none of the family's members, because a notice that lists the APIs
///     it concerns is more precise than its tag.
struct APIMatcher: Sendable {
    private struct Name: Sendable {
        let apiID: String
        let words: [String]
        let length: Int
    }

    /// All names and aliases, longest (most words, then most characters) first.
    private let names: [Name]
    /// Folded category → the ids of the APIs that list it.
    private let categories: [String: [String]]

    init(catalog: Catalog) {
        var names: [Name] = []
        var categories: [String: [String]] = [:]
        for api in catalog.apis {
            for text in [api.name] + api.aliases {
                let words = WordText(text).words
                if !words.isEmpty {
                    names.append(Name(apiID: api.id, words: words, length: words.joined().count))
                }
            }
            for category in api.categories {
                categories[Self.fold(category), default: []].append(api.id)
            }
        }
        self.names = names.sorted { ($0.words.count, $0.length) > ($1.words.count, $1.length) }
        self.categories = categories
    }

    /// Lower-cased, trimmed: feed categories come as "Skatteoppgjør", "skatteoppgjør", "OTP".
    static func fold(_ category: String) -> String {
        category.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The catalog ids the notice names, sorted, no duplicates.
    func apis(categories noticeCategories: [String], text: WordText) -> [String] {
        let named = namedAPIs(in: text.words)
        var found = named
        for category in noticeCategories {
            guard let ids = categories[Self.fold(category)] else { continue }
            if ids.count == 1 || named.isDisjoint(with: ids) {
                found.formUnion(ids)
            }
        }
        return found.sorted()
    }

    private func namedAPIs(in words: [String]) -> Set<String> {
        var consumed = [Bool](repeating: false, count: words.count)
        var found: Set<String> = []
        for name in names where name.words.count <= words.count {
            var index = 0
            while index + name.words.count <= words.count {
                let range = index..<(index + name.words.count)
                if Array(words[range]) == name.words && !range.contains(where: { consumed[$0] }) {
                    found.insert(name.apiID)
                    range.forEach { consumed[$0] = true }
                    index = range.upperBound
                } else {
                    index += 1
                }
            }
        }
        return found
    }
}
