public import VarselModel

/// Gives every entry of one feed document a distinct id.
///
/// Folkeregisteret's feed derives guids from titles, so two items titled "Driftsproblemer"
/// posted years apart share one guid, and some builds even list the very same item twice.
/// Identical duplicates collapse to the first. Distinct items sharing an id are told apart by a
/// suffix counted from the bottom of the feed: the oldest keeps the plain id, the next one up
/// becomes `id#2`, and so on. Counting from the bottom keeps the ids stable in a cumulative feed
/// where new items are added at the top.
public enum EntryIdentity {
    /// Entries in document order with unique ids, each with its fingerprint.
    public static func assign(_ entries: [FeedEntry]) -> [(entry: FeedEntry, fingerprint: Fingerprint)] {
        let fingerprinted = entries.map { (entry: $0, fingerprint: Fingerprint($0)) }
        var positions: [String: [Int]] = [:]
        for (index, item) in fingerprinted.enumerated() {
            positions[item.entry.id, default: []].append(index)
        }
        var drop = Set<Int>()
        var rename: [Int: String] = [:]
        for (id, indices) in positions where indices.count > 1 {
            var seenText = Set<String>()
            var distinct: [Int] = []
            for index in indices {
                if seenText.insert(fingerprinted[index].fingerprint.text).inserted {
                    distinct.append(index)
                } else {
                    drop.insert(index)
                }
            }
            for (rank, index) in distinct.reversed().enumerated() where rank > 0 {
                rename[index] = "\(id)#\(rank + 1)"
            }
        }
        var result: [(entry: FeedEntry, fingerprint: Fingerprint)] = []
        result.reserveCapacity(fingerprinted.count - drop.count)
        for (index, item) in fingerprinted.enumerated() where !drop.contains(index) {
            var entry = item.entry
            if let newID = rename[index] { entry.id = newID }
            result.append((entry, item.fingerprint))
        }
        return result
    }
}
