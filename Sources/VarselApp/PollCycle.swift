public import Classify
public import FeedFetch
public import FeedParse
public import Foundation
public import Logging
import NoticeDiff
public import NoticeStore
public import VarselConfig
public import VarselModel

/// One poll of one feed, start to finish: fetch, parse, diff, classify, store.
///
/// This is where the stages meet (as Miniflux's `handler.go` chains a refresh); each stage
/// decides its own part and this type only passes values along. A failure at any step is
/// recorded against the feed and leaves every stored notice exactly as it was.
public struct PollCycle: Sendable {
    public let store: NoticeStore
    public let fetcher: FeedFetcher
    public let parser: FeedParser
    public let classifier: Classifier
    /// Reads each source by its format (feeds, status pages), resolving `format = "auto"` once.
    let reader: SourceReader
    public let backoff: BackoffPolicy
    public let logger: Logger
    /// Plans the alerts of each change; runs inside the store's transaction (see `Alerting.route`).
    let route: ChangeRouter
    /// Plans them in an alert storm instead (see `Alerting.route(inStorm:)`).
    let stormRoute: @Sendable (AlertStorm) -> ChangeRouter
    /// Called after a poll wrote changes, so the outbox worker looks at once.
    let changesStored: @Sendable () -> Void
    let cache = StoredNoticeCache()

    public init(
        store: NoticeStore, fetcher: FeedFetcher, parser: FeedParser = FeedParser(), classifier: Classifier,
        backoff: BackoffPolicy, logger: Logger, route: @escaping ChangeRouter = NoticeStore.routeNowhere,
        stormRoute: @escaping @Sendable (AlertStorm) -> ChangeRouter = { _ in NoticeStore.routeNowhere },
        changesStored: @escaping @Sendable () -> Void = {}
    ) {
        self.stormRoute = stormRoute
        self.store = store
        self.fetcher = fetcher
        self.parser = parser
        self.classifier = classifier
        self.backoff = backoff
        self.logger = logger
        self.route = route
        self.changesStored = changesStored
        self.reader = SourceReader(fetcher: fetcher, parser: parser, store: store, logger: logger)
    }

    /// Polls `feed` once and reports what happened. Never throws for a feed problem (that is
    /// the report's `error`); throws only if the store itself fails or the task is cancelled.
    public func poll(_ feed: FeedConfig, now: Date = Date()) async throws -> FeedPollReport {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double { (clock.now - started).seconds }
        let state = try await store.feedState(feed.id)
        // Validators from another URL (the config changed) or before any success mean nothing.
        let validators: Validators =
            if let state, state.url == feed.url, state.lastSuccessAt != nil {
                Validators(etag: state.etag, lastModified: state.lastModified)
            } else {
                Validators(etag: nil, lastModified: nil)
            }
        let read: SourceRead
        do {
            read = try await reader.read(feed, validators: validators)
        } catch {
            try Task.checkCancellation()
            return try await fail(
                feed, state: state, now: now, duration: elapsed(), error: error.message, retryAfter: error.retryAfter,
                status: error.status, bytes: error.bytes)
        }

        switch read {
        case .notModified(let fresh):
            // Most 304s have nothing missing to count: skip the query then.
            let missing = (state?.missingCount ?? 0) > 0 ? try await store.missingNotices(feed: feed.id) : []
            let updates = differ(for: feed).stillAbsent(missing)
            var summary = DiffSummary(updates, entryCount: 0)
            summary.unchanged = 0
            let poll = PollRecord(
                feedID: feed.id, startedAt: now, duration: elapsed(), outcome: .notModified, httpStatus: 304, summary: summary)
            let cached = cache.notices(for: feed.id, lastPollAt: state?.lastPollAt)
            let changes = try await store.recordNotModified(
                feed: feed.id, url: feed.url, etag: fresh.etag, lastModified: fresh.lastModified, updates: updates,
                poll: poll, nextPollAt: now.addingTimeInterval(feed.interval.seconds), route: route)
            if !changes.isEmpty { changesStored() }
            cache.store(cached?.applying(updates), for: feed.id, polledAt: now)
            return FeedPollReport(
                feed: feed.id, outcome: .notModified, duration: elapsed(), summary: summary, changes: changes)

        case .modified(let parsed):
            for skipped in parsed.skipped {
                logger.warning(
                    "entry skipped",
                    metadata: [
                        "feed": "\(feed.id)", "position": "\(skipped.position)", "title": "\(skipped.title ?? "")",
                        "reason": "\(skipped.reason)",
                    ])
            }
            let stored: [StoredNotice]
            if let cached = cache.notices(for: feed.id, lastPollAt: state?.lastPollAt) {
                stored = cached
            } else {
                stored = try await store.storedNotices(feed: feed.id)
            }
            if parsed.entries.isEmpty && stored.contains(where: { $0.status == .active }) {
                // An empty build is far likelier a broken site than every notice withdrawn at once.
                return try await fail(
                    feed, state: state, now: now, duration: elapsed(),
                    error: "\(feed.url): the feed has no entries; keeping the \(stored.count) stored notices",
                    retryAfter: nil, status: parsed.status, bytes: parsed.bytes)
            }
            let isFirstPoll = state?.lastSuccessAt == nil
            let updates = differ(for: feed).diff(
                stored: stored, entries: parsed.entries, isFirstPoll: isFirstPoll, now: now, windowStart: parsed.windowStart)
            let classifications = classifier.classifications(of: updates, feedAPIs: feed.apis)
            let summary = DiffSummary(updates, entryCount: parsed.entries.count)
            let poll = PollRecord(
                feedID: feed.id, startedAt: now, duration: elapsed(), outcome: .modified, httpStatus: parsed.status,
                bytes: parsed.bytes, entries: parsed.entries.count, summary: summary)
            let storm = Self.storm(in: updates, feed: feed, state: state)
            if let storm {
                logger.warning(
                    "alert storm: changes stored, not sent; KS support \(storm.tellKS ? "told" : "already told")",
                    metadata: [
                        "feed": "\(feed.id)", "alerting_changes": "\(storm.changes)", "storm_threshold": "\(storm.threshold)",
                    ])
            }
            let changes = try await store.recordModified(
                ModifiedPoll(
                    feed: feed.id, url: feed.url, title: parsed.title, etag: parsed.validators.etag,
                    lastModified: parsed.validators.lastModified, updates: updates, classifications: classifications,
                    poll: poll, nextPollAt: now.addingTimeInterval(feed.interval.seconds), storm: storm != nil),
                route: storm.map(stormRoute) ?? route)
            if !parsed.documents.isEmpty {
                try await store.saveSourceDocuments(
                    feed: feed.id,
                    parsed.documents.filter(\.isModified).map {
                        SourceDocument(
                            url: $0.url, etag: $0.validators.etag, lastModified: $0.validators.lastModified, body: $0.body,
                            fetchedAt: now)
                    }, keeping: parsed.documents.map(\.url))
            }
            if !changes.isEmpty { changesStored() }
            cache.store(stored.applying(updates), for: feed.id, polledAt: now)
            return FeedPollReport(
                feed: feed.id, outcome: .modified, duration: elapsed(), entries: parsed.entries.count,
                skipped: parsed.skipped.count, summary: summary, isBaseline: isFirstPoll, changes: changes, storm: storm)
        }
    }

    /// An alert storm when the poll's alerting changes exceed the feed's threshold; KS support
    /// is told unless the feed's previous poll was already one (`FeedState.stormSince`).
    static func storm(in updates: [NoticeUpdate], feed: FeedConfig, state: FeedState?) -> AlertStorm? {
        let alerting = updates.filter { $0.change?.isAlerting == true }
        guard alerting.count > feed.stormThreshold else { return nil }
        return AlertStorm(
            changes: alerting.count, threshold: feed.stormThreshold, firstNotice: alerting.first?.noticeID,
            tellKS: state?.stormSince == nil)
    }

    private func differ(for feed: FeedConfig) -> NoticeDiffer {
        NoticeDiffer(withdrawAfterPolls: feed.withdrawAfterPolls, baselineAlertMaxAge: feed.baselineAlertMaxAge.seconds)
    }

    private func fail(
        _ feed: FeedConfig, state: FeedState?, now: Date, duration: Double, error: String, retryAfter: Duration?,
        status: Int? = nil, bytes: Int = 0
    ) async throws -> FeedPollReport {
        let failures = (state?.consecutiveFailures ?? 0) + 1
        let delay = backoff.delay(interval: feed.interval, consecutiveFailures: failures, retryAfter: retryAfter)
        let poll = PollRecord(
            feedID: feed.id, startedAt: now, duration: duration, outcome: .failed, httpStatus: status, bytes: bytes, error: error)
        let cached = cache.notices(for: feed.id, lastPollAt: state?.lastPollAt)
        try await store.recordFailure(feed: feed.id, url: feed.url, poll: poll, nextPollAt: now.addingTimeInterval(delay.seconds))
        // A failure changes no notice, only the feed's poll time the cache is keyed on.
        cache.store(cached, for: feed.id, polledAt: now)
        return FeedPollReport(feed: feed.id, outcome: .failed, duration: duration, error: error, retryIn: delay)
    }
}
