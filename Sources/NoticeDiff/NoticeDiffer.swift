public import Foundation
public import VarselModel

/// Compares one feed's stored notices with the entries of its latest successful poll.
///
/// Pure: values in, values out. The rules (DESIGN.md, "Semantics that matter"):
/// - identity is the entry id; duplicates within a document are resolved by `EntryIdentity`;
/// - "changed" means the normalised text changed; other differences are new versions, silently;
/// - an absent notice is "withdrawn" only if it is newer than the oldest entry still in the feed
///   and has been absent for `withdrawAfterPolls` polls in a row; otherwise it fell off the
///   bottom of a windowed feed and is "expired", which is never alerted;
/// - an unknown id is a notice that left the feed, under a new id (Folkeregisteret derives guids
///   from titles), when exactly one such pairing fits: same body text and date (any status); or,
///   for an active notice inside the window, same body text whatever the date, or published
///   within 24 hours with nearly the same words (`Reidentification` has the rules and why), so
///   a notice retitled, re-dated and edited twice and then deleted is changed, changed, withdrawn;
/// - the first poll of a feed records a baseline and alerts nothing, except entries newer than
///   `baselineAlertMaxAge` when that is set.
public struct NoticeDiffer: Sendable {
    public var withdrawAfterPolls: Int
    public var baselineAlertMaxAge: TimeInterval

    public init(withdrawAfterPolls: Int = 2, baselineAlertMaxAge: TimeInterval = 0) {
        self.withdrawAfterPolls = max(1, withdrawAfterPolls)
        self.baselineAlertMaxAge = baselineAlertMaxAge
    }

    /// The updates one poll implies.
    /// - Parameters:
    ///   - stored: every notice of this feed in the store, whatever its status.
    ///   - entries: the parsed entries in document order.
    ///   - isFirstPoll: true when the feed has never been polled successfully.
    ///   - now: the poll time, used only for `baselineAlertMaxAge`.
    ///   - windowStart: where the source's window begins when it is not simply its oldest entry:
    ///     a status page is two lists of the 50 newest (incidents, maintenances), and an incident
    ///     that fell off a full incidents list is older than that list's oldest entry, whatever
    ///     the maintenances list still shows. Absent notices older than it are expired.
    public func diff(
        stored: [StoredNotice], entries: [FeedEntry], isFirstPoll: Bool, now: Date, windowStart: Date? = nil
    ) -> [NoticeUpdate] {
        var present = EntryIdentity.assignLazily(entries)
        var byEntryID: [String: Int] = [:]
        for (index, notice) in stored.enumerated() {
            for alias in notice.aliases { byEntryID[alias] = index }
        }
        // The current id wins over an alias some other notice once had.
        for (index, notice) in stored.enumerated() { byEntryID[notice.entryID] = index }

        var updates: [NoticeUpdate] = []
        var seen = Set<Int>()
        var unknown: [(entry: FeedEntry, fingerprint: Fingerprint)] = []
        for position in present.indices {
            guard let index = byEntryID[present[position].entry.id], !seen.contains(index) else {
                unknown.append((present[position].entry, present[position].full()))
                continue
            }
            seen.insert(index)
            let notice = stored[index]
            // The common case: the entry is exactly as stored, so nothing needs normalising.
            if notice.status == .active, notice.missingPolls == 0, notice.fingerprint.version == present[position].version {
                continue
            }
            if let update = updateForPresent(notice, present[position].entry, present[position].full()) {
                updates.append(update)
            }
        }

        // Notices that left the feed, in store order, candidates for re-identification.
        var departed = stored.indices.filter { !seen.contains($0) }
        let oldestEntry = present.lazy.compactMap { $0.entry.published ?? $0.entry.updated }.min()
        let oldestInFeed = windowStart.map { start in oldestEntry.map { max($0, start) } ?? start } ?? oldestEntry
        let pairs = Reidentification(stored: stored, unknown: unknown, oldestInFeed: oldestInFeed).pairs(departed: departed)
        for (position, item) in unknown.enumerated() {
            if let pair = pairs[position] {
                departed.removeAll { $0 == pair.notice }
                updates.append(updateForReidentified(stored[pair.notice], item.entry, item.fingerprint, pair.evidence))
            } else {
                updates.append(updateForNew(item.entry, item.fingerprint, isFirstPoll: isFirstPoll, now: now))
            }
        }

        for index in departed where stored[index].status == .active {
            updates.append(updateForAbsent(stored[index], oldestInFeed: oldestInFeed))
        }
        return updates
    }

    /// The updates a `304 Not Modified` poll implies: the feed is exactly as last time, so every
    /// notice counted as missing is missing for one more poll. Its place in the window was
    /// judged when it went missing, and an unchanged feed cannot change that judgement.
    public func stillAbsent(_ missing: [StoredNotice]) -> [NoticeUpdate] {
        missing.filter { $0.status == .active && $0.missingPolls > 0 }.map { notice in
            let count = notice.missingPolls + 1
            let isWithdrawn = count >= withdrawAfterPolls
            return NoticeUpdate(
                noticeID: notice.id, change: isWithdrawn ? .withdrawn : nil, reason: isWithdrawn ? .withdrawn : .missing,
                entry: nil, fingerprint: nil, recordsVersion: false, status: isWithdrawn ? .withdrawn : .active,
                missingPolls: count)
        }
    }

    private func updateForPresent(_ notice: StoredNotice, _ entry: FeedEntry, _ fp: Fingerprint) -> NoticeUpdate? {
        let textChanged = fp.text != notice.fingerprint.text
        let versionChanged = fp.version != notice.fingerprint.version
        func update(_ change: ChangeType?, _ reason: NoticeUpdate.Reason) -> NoticeUpdate {
            NoticeUpdate(
                noticeID: notice.id, change: change, reason: reason, entry: entry, fingerprint: fp,
                recordsVersion: versionChanged, status: .active, missingPolls: 0)
        }
        switch notice.status {
        case .withdrawn:
            return update(.reappeared, .reappeared)
        case .expired:
            // Back after falling off the window: the feed was truncated for a while. Silent,
            // unless the text itself changed in the meantime.
            return textChanged ? update(.changed, .textChanged) : update(nil, .restored)
        case .active:
            if textChanged { return update(.changed, .textChanged) }
            if versionChanged { return update(nil, .versionOnly) }
            if notice.missingPolls > 0 { return update(nil, .backBeforeThreshold) }
            return nil
        }
    }

    private func updateForReidentified(
        _ notice: StoredNotice, _ entry: FeedEntry, _ fp: Fingerprint, _ evidence: ReidentificationEvidence
    ) -> NoticeUpdate {
        let textChanged = fp.text != notice.fingerprint.text
        let change: ChangeType? =
            switch notice.status {
            case .withdrawn: .reappeared
            case .active, .expired: textChanged ? .changed : nil
            }
        return NoticeUpdate(
            noticeID: notice.id, change: change, reason: .reidentified(previousEntryID: notice.entryID, evidence: evidence),
            entry: entry, fingerprint: fp, recordsVersion: true, status: .active, missingPolls: 0,
            newEntryID: entry.id)
    }

    private func updateForNew(_ entry: FeedEntry, _ fp: Fingerprint, isFirstPoll: Bool, now: Date) -> NoticeUpdate {
        var change = ChangeType.new
        if isFirstPoll {
            change = .baseline
            if baselineAlertMaxAge > 0, let date = entry.published ?? entry.updated,
                now.timeIntervalSince(date) <= baselineAlertMaxAge
            {
                change = .new
            }
        }
        return NoticeUpdate(
            noticeID: NoticeID(entry.id), change: change, reason: change == .new ? .new : .baseline, entry: entry,
            fingerprint: fp, recordsVersion: true, status: .active, missingPolls: 0)
    }

    private func updateForAbsent(_ notice: StoredNotice, oldestInFeed: Date?) -> NoticeUpdate {
        guard Self.isInsideWindow(notice, oldestInFeed: oldestInFeed) else {
            return NoticeUpdate(
                noticeID: notice.id, change: .expired, reason: .expired, entry: nil, fingerprint: nil,
                recordsVersion: false, status: .expired, missingPolls: 0)
        }
        let missing = notice.missingPolls + 1
        if missing >= withdrawAfterPolls {
            return NoticeUpdate(
                noticeID: notice.id, change: .withdrawn, reason: .withdrawn, entry: nil, fingerprint: nil,
                recordsVersion: false, status: .withdrawn, missingPolls: missing)
        }
        return NoticeUpdate(
            noticeID: notice.id, change: nil, reason: .missing, entry: nil, fingerprint: nil,
            recordsVersion: false, status: .active, missingPolls: missing)
    }

    /// Whether a notice missing from the feed is still inside its window. Only if strictly newer
    /// than the oldest entry still listed: a feed truncated to its newest N items drops exactly
    /// the ones at or below that line. A notice without any date cannot be placed, so it is
    /// treated as fallen off (never alerted).
    static func isInsideWindow(_ notice: StoredNotice, oldestInFeed: Date?) -> Bool {
        if let date = notice.windowDate, let oldestInFeed { date > oldestInFeed } else { false }
    }
}
