/// Finds the title a cancellation cancels: "Utgår - Varsel om vedlikehold torsdag 15. juni 2023"
/// cancels "Varsel om vedlikehold torsdag 15. juni 2023"; "AVLYST!! Varsling vedlikehold mandag
/// 29.04.2019" cancels "Varsling vedlikehold mandag 29.04.2019"; "Informasjonsmøte for
/// systemleverandører avlyses" cancels "Informasjonsmøte for systemleverandører".
enum CancelledTitle {
    /// Separators that glue the marker to the rest ("Utgår - ", "AVLYST!! ", "Avlyst: ").
    private static let separators: Set<Character> = ["-", "–", "—", ":", "!", ".", ",", "(", ")"]

    /// The title with its cancellation marker word removed, or nil if nothing remains or there is no marker.
    static func cancelled(by title: String) -> String? {
        guard let marker = markerRange(in: title) else { return nil }
        let before = trim(title[..<marker.lowerBound])
        let after = trim(title[marker.upperBound...])
        let joined = [before, after].filter { !$0.isEmpty }.joined(separator: " ")
        return joined.isEmpty ? nil : joined
    }

    /// The first word that is "utgår" (as the first word) or starts with "avlys".
    private static func markerRange(in title: String) -> Range<String.Index>? {
        var index = title.startIndex
        var isFirstWord = true
        while index < title.endIndex {
            guard title[index].isLetter || title[index].isNumber else {
                index = title.index(after: index)
                continue
            }
            let start = index
            while index < title.endIndex && (title[index].isLetter || title[index].isNumber) {
                index = title.index(after: index)
            }
            let word = title[start..<index].lowercased()
            if (isFirstWord && word == "utgår") || word.hasPrefix("avlys") { return start..<index }
            isFirstWord = false
        }
        return nil
    }

    private static func trim(_ text: Substring) -> String {
        var text = text
        while let first = text.first, first.isWhitespace || separators.contains(first) { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace || separators.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
