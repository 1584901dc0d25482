/// One poll of one source that brought more alerting changes than its `storm_threshold`: a
/// site redesign, a broken feed generator, a source that rewrites every entry on every poll.
///
/// Every change is still stored (history stays complete), but none is sent to municipalities or
/// vendors: 357 municipalities must never get a hundred mails from one bad poll. KS support
/// hears of it once, on the poll's first alerting change, and not again while the storm lasts.
public struct AlertStorm: Sendable, Hashable {
    /// Alerting changes in this poll.
    public var changes: Int
    /// The threshold it exceeded.
    public var threshold: Int
    /// The first alerting notice of the poll: the one KS support is told about.
    public var firstNotice: NoticeID?
    /// False while the source was already in a storm at its previous poll: KS knows.
    public var tellKS: Bool

    public init(changes: Int, threshold: Int, firstNotice: NoticeID?, tellKS: Bool) {
        self.changes = changes
        self.threshold = threshold
        self.firstNotice = firstNotice
        self.tellKS = tellKS
    }
}
