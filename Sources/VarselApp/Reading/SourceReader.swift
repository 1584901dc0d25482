import FeedFetch
import FeedParse
import Foundation
import Logging
import NoticeStore
import SourceDiscovery
import Synchronization
import VarselConfig
import VarselModel

/// Reads one source by its format, and decides once how to read a `format = "auto"` source.
///
/// `auto` first reads the URL as a feed, exactly as before formats existed, so configs that
/// point at an Atom or RSS URL cost one request as they always did. Only when the URL answers
/// with something that is not a feed (a status page's HTML, JSON) does it run `SourceDiscovery`
/// (the Statuspage API, feeds the page links to, `/history.atom`, `/history.rss`), log what it
/// chose, and remember it for the life of the process. Discovery that finds nothing fails the
/// poll with the list of what was tried; the next poll tries again.
struct SourceReader: Sendable {
    let fetcher: FeedFetcher
    let parser: FeedParser
    let store: NoticeStore
    let logger: Logger
    private let resolved = Resolutions()

    init(fetcher: FeedFetcher, parser: FeedParser, store: NoticeStore, logger: Logger) {
        self.fetcher = fetcher
        self.parser = parser
        self.store = store
        self.logger = logger
    }

    /// How a source is read once its format is known.
    struct Resolution: Sendable, Hashable {
        var format: SourceFormat
        var url: String
    }

    /// What `auto` chose for each source so far (by feed id and configured URL).
    final class Resolutions: Sendable {
        private let map = Mutex<[String: Resolution]>([:])
        func get(_ key: String) -> Resolution? { map.withLock { $0[key] } }
        func set(_ key: String, _ value: Resolution) { map.withLock { $0[key] = value } }
    }

    func read(_ feed: FeedConfig, validators: Validators) async throws(SourceReadFailure) -> SourceRead {
        let how: Resolution
        if feed.format != .auto {
            how = Resolution(format: feed.format, url: feed.url)
        } else if let known = resolved.get(key(feed)) {
            how = known
        } else {
            do {
                let read = try await FeedReader(fetcher: fetcher, parser: parser).read(
                    feed, url: feed.url, validators: validators)
                if case .modified(let snapshot) = read {
                    resolved.set(key(feed), Resolution(format: snapshot.format, url: feed.url))
                }
                return read
            } catch where error.isNotAFeed {
                how = try await discover(feed, firstFailure: error)
            }
        }
        switch how.format {
        case .statuspage:
            return try await StatusPageReader(fetcher: fetcher, store: store).read(feed, base: how.url)
        case .atom, .rss, .auto:
            return try await FeedReader(fetcher: fetcher, parser: parser).read(feed, url: how.url, validators: validators)
        }
    }

    private func discover(_ feed: FeedConfig, firstFailure: SourceReadFailure) async throws(SourceReadFailure)
        -> Resolution
    {
        let result = await SourceDiscovery(fetcher: fetcher, limits: feed.fetchLimits).discover(feed.url)
        guard let found = result.found else {
            // The feed's own error first: for a URL meant as a feed it is the one that matters.
            var failure = firstFailure
            failure.message += "; format \"auto\" found no status page or feed either (\(result.summary))"
            throw failure
        }
        let resolution = Resolution(format: found.format, url: found.url)
        resolved.set(key(feed), resolution)
        logger.notice(
            "source format chosen",
            metadata: ["feed": "\(feed.id)", "format": "\(found.format.rawValue)", "url": "\(found.url)"])
        return resolution
    }

    /// Runs discovery for `url` without remembering it (`sources components` of an auto source).
    func discover(_ url: String, limits: FetchLimits) async -> (format: SourceFormat, url: String)? {
        await SourceDiscovery(fetcher: fetcher, limits: limits).discover(url).found.map { ($0.format, $0.url) }
    }

    private func key(_ feed: FeedConfig) -> String { feed.id.rawValue + "\u{1F}" + feed.url }
}
