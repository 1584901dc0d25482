import Foundation
public import VarselModel

/// Gives every entry of one feed document a distinct id.
///
/// Folkeregisteret's feed derives guids from titles, so two items titled "Vedlikehold" posted
/// months apart share one guid, and some builds even list the very same item twice.
/// Identical duplicates collapse to the first. Distinct items sharing an id are told apart by
/// their publication time (`id#2023-01-24T11:45Z`), which stays the same when the feed is
/// truncated or grows; only items without a date fall back to a counter from the bottom of the
/// feed (`id#2`, `id#3`, ...; the bottom-most keeps the plain id), which is stable while new items
/// are added at the top. When an id stops or starts being shared, `NoticeDiffer` recognises the
/// notice under its new id by its text and date, so renumbering never looks like a new notice.
public enum EntryIdentity {
    /// Entries in document order with unique ids, each with its fingerprint.
    public static func assign(_ entries: [FeedEntry]) -> [(entry: FeedEntry, fingerprint: Fingerprint)] {
        assignLazily(entries).map { ($0.entry, $0.fingerprint ?? Fingerprint($0.entry)) }
    }

    /// An entry with its identity settled: the version hash always, the full fingerprint only
    /// where it was needed to decide (entries sharing an id).
    struct Identified {
        var entry: FeedEntry
        var version: String
        var fingerprint: Fingerprint?

        /// The full fingerprint, computed now if it was not yet.
        mutating func full() -> Fingerprint {
            if let fingerprint { return fingerprint }
            let computed = Fingerprint(entry)
            fingerprint = computed
            return computed
        }
    }

    /// `assign`, computing full fingerprints only for entries that share an id.
    static func assignLazily(_ entries: [FeedEntry]) -> [Identified] {
        var positions: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            positions[entry.id, default: []].append(index)
        }
        var fingerprinted = entries.map { Identified(entry: $0, version: "", fingerprint: nil) }
        for indices in positions.values where indices.count > 1 {
            for index in indices { fingerprinted[index].fingerprint = Fingerprint(entries[index]) }
        }
        var drop = Set<Int>()
        var rename: [Int: String] = [:]
        for (id, indices) in positions where indices.count > 1 {
            var seenText = Set<String>()
            var distinct: [Int] = []
            for index in indices {
                if seenText.insert(fingerprinted[index].fingerprint?.text ?? "").inserted {
                    distinct.append(index)
                } else {
                    drop.insert(index)
                }
            }
            guard distinct.count > 1 else { continue }
            var taken = Set<String>()
            var undated: [Int] = []
            for index in distinct {
                guard let date = fingerprinted[index].entry.published else {
                    undated.append(index)
                    continue
                }
                let candidate = "\(id)#\(stamp(date))"
                if taken.insert(candidate).inserted { rename[index] = candidate } else { undated.append(index) }
            }
            for (rank, index) in undated.reversed().enumerated() where rank > 0 {
                rename[index] = "\(id)#\(rank + 1)"
            }
        }
        var result: [Identified] = []
        result.reserveCapacity(fingerprinted.count - drop.count)
        for (index, item) in fingerprinted.enumerated() where !drop.contains(index) {
            var item = item
            if let newID = rename[index] { item.entry.id = newID }
            item.version = item.fingerprint?.version ?? Fingerprint.version(of: item.entry)
            result.append(item)
        }
        return result
    }

    /// Minute precision in UTC: `2023-01-24T11:45Z`.
    static func stamp(_ date: Date) -> String {
        let minutes = Int((date.timeIntervalSince1970 / 60).rounded(.down))
        let days = minutes.floorDiv(1440)
        let (y, m, d) = CivilDate.date(daysSince1970: days)
        let minuteOfDay = minutes - days * 1440
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(minuteOfDay / 60)):\(two(minuteOfDay % 60))Z"
    }
}

extension Int {
    fileprivate func floorDiv(_ divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
