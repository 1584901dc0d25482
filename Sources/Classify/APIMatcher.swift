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
///
/// Step 2 is "for each name, longest first: every occurrence, left to right, whose words are not
/// yet consumed". It is computed by collecting the occurrences of all names (looked up by their
/// first word's id, one pass over the text) and accepting them in (name rank, position) order.
struct APIMatcher: Sendable {
    private struct Name: Sendable {
        let apiID: String
        let words: [String]
        let length: Int
    }

    /// Word ids of each name, by rank (longest first: most words, then most characters).
    private let nameIDs: [[Int32]]
    private let nameAPIs: [String]
    /// Ranks of the names whose first word has this id.
    private let byFirstID: [[Int32]]
    /// Folded category → the ids of the APIs that list it.
    private let categories: [String: [String]]
    /// Ids of the catalog's platform entries.
    let platforms: Set<String>
    /// Word id of a family word → the APIs of that family.
    private let families: [Int32: [String]]
    /// Every word of every catalog name, alias and slug: a word before "API" that is one of them
    /// belongs to a name the catalog knows ("betalinger API" of "Krav og betalinger API").
    let knownNameWords: Set<String>

    /// Adds every name's words to `vocabulary`.
    init(catalog: Catalog, vocabulary: inout Vocabulary) {
        var names: [Name] = []
        var categories: [String: [String]] = [:]
        for api in catalog.apis {
            // Notices also write an API by its URL's slug ("kravogbetalinger-api",
            // "inntekt.api.skatteetaten.no"): "slug api" is a name too, and so is the slug alone
            // when it is a compound no name has as a word ("kravogbetalinger", not "inntekt",
            // which is also an everyday word).
            let nameWords = Set(([api.name] + api.aliases).flatMap(WordText.words(of:)))
            let slugNames = Self.slugs(of: api).flatMap { slug in
                nameWords.contains(slug) ? ["\(slug) api"] : ["\(slug) api", slug]
            }
            for text in [api.name] + api.aliases + slugNames {
                let words = WordText.words(of: text)
                if !words.isEmpty {
                    names.append(Name(apiID: api.id, words: words, length: words.joined().count))
                }
                // "Inntekt-APIet", "API-ene": the definite forms of a name ending in "API".
                if words.count > 1, words.last == "api" {
                    for form in ["apiet", "apiene", "apier"] {
                        let inflected = words.dropLast() + [form]
                        names.append(Name(apiID: api.id, words: Array(inflected), length: inflected.joined().count))
                    }
                }
            }
            for category in api.categories {
                categories[Self.fold(category), default: []].append(api.id)
            }
        }
        knownNameWords = Set(names.flatMap(\.words))
        names.sort { ($0.words.count, $0.length) > ($1.words.count, $1.length) }
        nameIDs = names.map { $0.words.map { vocabulary.intern($0) } }
        nameAPIs = names.map(\.apiID)
        var byFirstID = [[Int32]](repeating: [], count: vocabulary.count)
        for (rank, ids) in nameIDs.enumerated() { byFirstID[Int(ids[0])].append(Int32(rank)) }
        self.byFirstID = byFirstID
        self.categories = categories
        platforms = Set(catalog.apis.filter { $0.kind == .platform }.map(\.id))
        // Family words ("skatteoppgjør", "mva"): categories several APIs share, read in the text too.
        var families: [Int32: [String]] = [:]
        for (category, ids) in categories where ids.count > 1 {
            let words = WordText.words(of: category)
            if words.count == 1 { families[vocabulary.intern(words[0])] = ids }
        }
        self.families = families
    }

    /// The first label of an API's hosts ("kravogbetalinger" of kravogbetalinger.api.skatteetaten.no).
    static func slugs(of api: CatalogAPI) -> [String] {
        var slugs: [String] = []
        for url in [api.url, api.testURL].compactMap({ $0 }) {
            guard let hostStart = url.range(of: "://")?.upperBound else { continue }
            let host = url[hostStart...].prefix { $0 != "/" && $0 != ":" }
            guard host.contains(".api."), let label = host.split(separator: ".").first else { continue }
            if !slugs.contains(String(label)) { slugs.append(String(label)) }
        }
        return slugs
    }

    /// Lower-cased, trimmed: feed categories come as "Skatteoppgjør", "skatteoppgjør", "OTP".
    static func fold(_ category: String) -> String {
        // Nothing to trim when the first and last scalars are letters or digits.
        if let first = category.unicodeScalars.first, let last = category.unicodeScalars.last,
            isPlainLetterOrDigit(first), isPlainLetterOrDigit(last)
        {
            return category.lowercased()
        }
        return category.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    private static func isPlainLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF: true
        default: false
        }
    }

    /// The catalog ids the notice names, sorted, no duplicates. `words` is title + summary +
    /// content with `Word.border` between them.
    /// - Parameter titleEnd: words before this index are the title. A platform (Maskinporten,
    ///   Altinn) counts only when the title or a category names it: the body of a notice mentions
    ///   Maskinporten to explain how to get a token far more often than to report it down, and a
    ///   platform reaches the subscribers of every API that depends on it.
    func apis(categories noticeCategories: [String], words: [Word], titleEnd: Int? = nil) -> [String] {
        var named = namedAPIs(in: words)
        if let titleEnd, !platforms.isEmpty, !named.isDisjoint(with: platforms) {
            let inTitle = namedAPIs(in: Array(words[..<titleEnd]))
            named = named.filter { !platforms.contains($0) || inTitle.contains($0) }
        }
        var found = named
        // A family word in the text ("skatteoppgjør", "MVA") stands for its APIs when the notice
        // names none of them: naming members is more precise than naming the family.
        for word in words {
            if let ids = families[word.id], named.isDisjoint(with: ids) { found.formUnion(ids) }
        }
        for category in noticeCategories {
            guard let ids = categories[Self.fold(category)] else { continue }
            if ids.count == 1 || named.isDisjoint(with: ids) {
                found.formUnion(ids)
            }
        }
        return found.sorted()
    }

    private func namedAPIs(in words: [Word]) -> Set<String> {
        var occurrences: [(rank: Int32, start: Int, end: Int)] = []
        for index in words.indices {
            let id = Int(words[index].id)
            guard id >= 0, id < byFirstID.count else { continue }
            for rank in byFirstID[id] {
                let ids = nameIDs[Int(rank)]
                guard index + ids.count <= words.count else { continue }
                var matched = true
                for offset in 1..<ids.count where words[index + offset].id != ids[offset] {
                    matched = false
                    break
                }
                if matched { occurrences.append((rank, index, index + ids.count)) }
            }
        }
        guard !occurrences.isEmpty else { return [] }
        occurrences.sort { ($0.rank, $0.start) < ($1.rank, $1.start) }
        var consumed: [Range<Int>] = []
        var found: Set<String> = []
        for occurrence in occurrences {
            let range = occurrence.start..<occurrence.end
            if !consumed.contains(where: { $0.overlaps(range) }) {
                consumed.append(range)
                found.insert(nameAPIs[Int(occurrence.rank)])
            }
        }
        return found
    }
}
