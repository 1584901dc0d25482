public import VarselModel

extension Array where Element == StoredNotice {
    /// The stored state after `updates`, computed in memory exactly as `NoticeStore` applies them
    /// to its rows, so the next poll can diff against it without reading the feed's notices back.
    ///
    /// Mirrors the store's rules: a known notice takes the update's status and missing count, and
    /// its entry's fingerprint, dates and body text when the update records a version; a re-identified
    /// notice keeps its previous ids as aliases; an unknown one is added. Anything the update does
    /// not say stays as it was.
    public func applying(_ updates: [NoticeUpdate]) -> [StoredNotice] {
        var notices = self
        var index: [NoticeID: Int] = [:]
        for (position, notice) in notices.enumerated() { index[notice.id] = position }
        for update in updates {
            guard let position = index[update.noticeID] else {
                guard let entry = update.entry, let fingerprint = update.fingerprint else { continue }
                index[update.noticeID] = notices.count
                notices.append(
                    StoredNotice(
                        id: update.noticeID, entryID: entry.id, status: update.status, fingerprint: fingerprint,
                        published: entry.published, updated: entry.updated, missingPolls: update.missingPolls,
                        bodyText: update.status == .active ? StoredNotice.bodyText(of: entry) : nil))
                continue
            }
            var notice = notices[position]
            notice.status = update.status
            notice.missingPolls = update.missingPolls
            if update.recordsVersion, let entry = update.entry, let fingerprint = update.fingerprint {
                notice.fingerprint = fingerprint
                notice.published = entry.published
                notice.updated = entry.updated
            }
            // As the store loads it: the current text for active notices only.
            notice.bodyText = notice.status == .active ? update.entry.map(StoredNotice.bodyText(of:)) ?? notice.bodyText : nil
            if let newEntryID = update.newEntryID {
                for alias in [notice.entryID, notice.id.rawValue] where alias != newEntryID && !notice.aliases.contains(alias) {
                    notice.aliases.append(alias)
                }
                notice.entryID = newEntryID
            }
            notices[position] = notice
        }
        return notices
    }
}
