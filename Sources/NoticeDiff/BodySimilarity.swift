import Foundation
import VarselModel

/// How alike two notice bodies are, as words: the evidence for recognising a notice that was
/// retitled, re-dated and edited in one poll (an incident marked "LØST" with a line appended).
///
/// A body is reduced to its set of words: `Fingerprint.normalize` (NFC, whitespace), lower-cased,
/// split at every character that is neither a letter nor a digit ("kl. 09:45" gives "kl", "09",
/// "45"). Two bodies are similar when both have at least `minimumWords` distinct words and the
/// Jaccard index of the sets, |A ∩ B| / |A ∪ B|, is at least `threshold`.
///
/// Why these numbers: the 14.08 incident's body (15 distinct words) with "Feilen er nå løst."
/// appended scores 15/18 ≈ 0.83; two different notices Folkeregisteret published on the same day,
/// 2024-06-11 ("Det er for tiden problemer med tjenestene våre. Feilsøking pågår." against
/// "Problemene med våre tjenester er nå løst."), score 3/14 ≈ 0.21, and even the same incident
/// text posted twice that day with "Feil Oppsto ca: 10:11" added scores 10/15 ≈ 0.67, which is
/// deliberately not enough: a miss costs one "withdrawn" and one "new" (today's behaviour), a
/// false merge hides a new notice behind a "changed". Very short bodies ("Løst.") share too few
/// words to prove anything, hence the minimum.
struct BodySimilarity {
    static let threshold = 0.75
    static let minimumWords = 5

    /// The distinct words of a body.
    static func words(_ text: String) -> Set<String> {
        let normalized = Fingerprint.normalize(text).lowercased()
        var words = Set<String>()
        for word in normalized.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            words.insert(String(word))
        }
        return words
    }

    /// |a ∩ b| / |a ∪ b|; 0 when both are empty.
    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        guard union > 0 else { return 0 }
        return Double(a.intersection(b).count) / Double(union)
    }

    /// Whether two word sets are alike enough to be one notice's body before and after an edit.
    static func isSimilar(_ a: Set<String>, _ b: Set<String>) -> Bool {
        a.count >= minimumWords && b.count >= minimumWords && jaccard(a, b) >= threshold
    }
}
