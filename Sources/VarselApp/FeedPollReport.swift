import Foundation
public import VarselModel

/// What one poll of one feed did, for logs and for `poll --once`'s summary line.
public struct FeedPollReport: Sendable, Hashable {
    public var feed: FeedID
    public var outcome: PollOutcome
    /// Seconds from the start of the fetch to the end of the store transaction.
    public var duration: Double
    public var entries: Int
    public var skipped: Int
    public var summary: DiffSummary
    /// True when this was the feed's first successful poll (a baseline, no alerts).
    public var isBaseline: Bool
    public var changes: [ChangeRecord]
    /// Why the poll failed, one line naming the feed URL.
    public var error: String?
    /// When a failed feed will be tried again.
    public var retryIn: Duration?
    /// Set when the poll brought more alerting changes than the feed's `storm_threshold`.
    public var storm: AlertStorm?

    public init(
        feed: FeedID, outcome: PollOutcome, duration: Double, entries: Int = 0, skipped: Int = 0,
        summary: DiffSummary = DiffSummary(), isBaseline: Bool = false, changes: [ChangeRecord] = [],
        error: String? = nil, retryIn: Duration? = nil, storm: AlertStorm? = nil
    ) {
        self.storm = storm
        self.feed = feed
        self.outcome = outcome
        self.duration = duration
        self.entries = entries
        self.skipped = skipped
        self.summary = summary
        self.isBaseline = isBaseline
        self.changes = changes
        self.error = error
        self.retryIn = retryIn
    }

    /// One line: `folkeregisteret: 518 entries, 1 new, 0 changed, 0 withdrawn, 0 expired, 517 unchanged (0.021 s)`.
    public var line: String {
        let ms = String(format: "%.3f s", duration)
        switch outcome {
        case .failed:
            return "\(feed): FAILED: \(error ?? "unknown error")" + (retryIn.map { " (retry in \(Int($0.seconds)) s)" } ?? "")
        case .notModified:
            let withdrawn = summary.withdrawn > 0 ? ", \(summary.withdrawn) withdrawn" : ""
            return "\(feed): not modified\(withdrawn) (\(ms))"
        case .modified:
            let s = summary
            var parts = ["\(entries) entries"]
            if isBaseline { parts.append("\(s.baseline) baseline") }
            parts += ["\(s.new) new", "\(s.changed) changed", "\(s.withdrawn) withdrawn", "\(s.expired) expired"]
            if s.reappeared > 0 { parts.append("\(s.reappeared) reappeared") }
            parts.append("\(s.unchanged) unchanged")
            if skipped > 0 { parts.append("\(skipped) skipped") }
            return "\(feed): " + parts.joined(separator: ", ") + " (\(ms))"
        }
    }
}
