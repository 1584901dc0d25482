import Foundation
import VarselModel

/// Pairs entries whose ids the store does not know with stored notices missing from the feed,
/// because Folkeregisteret derives guids from titles: a retitled notice arrives under a new id
/// (2024-08-15: `…-14.08` → `…-15.08` → `…-15.08.2024`, re-dated and edited on the way).
///
/// An unknown entry and a missing notice are one notice when one of these holds, strongest first:
/// 1. `sameDateAndBody`: equal body text (`Fingerprint.body`) and equal publication time where
///    both have one. Any status: an expired or withdrawn notice comes back this way too.
/// 2. `sameBody`: equal body text, whatever the new title, id and date; only for an *active*
///    notice inside the feed's window (one that would otherwise count towards "withdrawn").
/// 3. `similarBody`: for such an active notice, both published within 24 hours of each other
///    (the same day, allowing a re-date across midnight) and bodies alike by `BodySimilarity`
///    (word-set Jaccard ≥ 0.75, at least 5 distinct words each): the incident retitled "LØST"
///    with a resolution line appended in the same poll.
/// Rules 2 and 3 leave out notices that fell off the bottom of the window: a feed that drops its
/// oldest item while posting a new one with the same boilerplate text is not a retitle.
///
/// Never ambiguous: a pair is made only when, counting every pair the rules so far allow among
/// the entries and notices still unpaired, the entry has exactly one candidate notice and the
/// notice exactly one candidate entry. Two missing notices with the same body, or two entries
/// matching one notice, leave all of them unpaired (new and missing/withdrawn, as before), and a
/// weaker rule cannot later settle what a stronger one found ambiguous. Stronger rules go first,
/// so a retitle (rule 2) is paired even when an unrelated notice with similar text (rule 3 only)
/// is posted in the same poll; that one stays new.
struct Reidentification {
    /// The widest gap between two publication times still counted as "the same day" by rule 3.
    static let sameDayWindow: TimeInterval = 24 * 60 * 60

    let stored: [StoredNotice]
    let unknown: [(entry: FeedEntry, fingerprint: Fingerprint)]
    let oldestInFeed: Date?

    /// For each position in `unknown` that is a missing notice, that notice's index in `stored`
    /// and the evidence that paired them.
    func pairs(departed: [Int]) -> [Int: (notice: Int, evidence: ReidentificationEvidence)] {
        var result: [Int: (notice: Int, evidence: ReidentificationEvidence)] = [:]
        guard !unknown.isEmpty, !departed.isEmpty else { return result }
        let emptyBody = Fingerprint(FeedEntry(id: "", title: "")).body
        var entryWords: [Int: Set<String>] = [:]
        var noticeWords: [Int: Set<String>] = [:]
        var openEntries = Array(unknown.indices)
        var openNotices = departed

        func holds(_ evidence: ReidentificationEvidence, _ position: Int, _ index: Int) -> Bool {
            let (entry, fp) = unknown[position]
            let notice = stored[index]
            switch evidence {
            case .sameDateAndBody:
                guard fp.body == notice.fingerprint.body, fp.body != emptyBody else { return false }
                guard let before = notice.published, let now = entry.published else { return true }
                return before == now
            case .sameBody:
                return fp.body == notice.fingerprint.body && fp.body != emptyBody && isRetitleCandidate(notice)
            case .similarBody:
                guard isRetitleCandidate(notice), let text = notice.bodyText,
                    let before = notice.published, let now = entry.published,
                    abs(now.timeIntervalSince(before)) <= Self.sameDayWindow
                else { return false }
                if entryWords[position] == nil { entryWords[position] = BodySimilarity.words(StoredNotice.bodyText(of: entry)) }
                if noticeWords[index] == nil { noticeWords[index] = BodySimilarity.words(text) }
                return BodySimilarity.isSimilar(entryWords[position]!, noticeWords[index]!)
            }
        }

        for evidence in ReidentificationEvidence.allCases {
            let rules = ReidentificationEvidence.allCases.filter { $0.rawValue <= evidence.rawValue }
            var edges: [(position: Int, index: Int, evidence: ReidentificationEvidence)] = []
            var entryDegree: [Int: Int] = [:]
            var noticeDegree: [Int: Int] = [:]
            for position in openEntries {
                for index in openNotices {
                    guard let strongest = rules.first(where: { holds($0, position, index) }) else { continue }
                    edges.append((position, index, strongest))
                    entryDegree[position, default: 0] += 1
                    noticeDegree[index, default: 0] += 1
                }
            }
            for edge in edges where entryDegree[edge.position] == 1 && noticeDegree[edge.index] == 1 {
                result[edge.position] = (edge.index, edge.evidence)
            }
            openEntries.removeAll { result[$0] != nil }
            let paired = Set(result.values.map(\.notice))
            openNotices.removeAll { paired.contains($0) }
            if openEntries.isEmpty || openNotices.isEmpty { break }
        }
        return result
    }

    /// Rules 2 and 3 apply only to an active notice still inside the window: one that is being
    /// counted towards "withdrawn", which is exactly what a retitle otherwise looks like.
    private func isRetitleCandidate(_ notice: StoredNotice) -> Bool {
        notice.status == .active && NoticeDiffer.isInsideWindow(notice, oldestInFeed: oldestInFeed)
    }
}
