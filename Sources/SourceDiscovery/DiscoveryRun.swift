import FeedFetch
import VarselModel

extension SourceDiscovery {
    /// The requests of one discovery: what was fetched, so no URL is fetched twice, and the
    /// attempts recorded so far.
    struct Run {
        let url: String
        private(set) var tried: [DiscoveryAttempt] = []
        private var fetched: Set<String> = []

        init(url: String) { self.url = url }

        /// Fetches `target` unless it was fetched before. A failure is recorded (with the
        /// fetcher's words minus the URL it repeats) and gives nil; so does a repeat, unrecorded.
        mutating func fetch(
            _ target: String, step: DiscoveryAttempt.Step, fetcher: FeedFetcher, limits: FetchLimits
        ) async -> FetchedFeed? {
            guard fetched.insert(target).inserted else { return nil }
            lastFetched = target
            do {
                switch try await fetcher.fetch(FeedRequest(url: target, limits: limits)) {
                case .modified(let response):
                    return response
                case .notModified:
                    tried.append(
                        DiscoveryAttempt(
                            step: step, url: target, outcome: "304 Not Modified without a request for it", isSuccess: false))
                    return nil
                }
            } catch {
                tried.append(
                    DiscoveryAttempt(step: step, url: target, outcome: Self.reason(error, url: target), isSuccess: false))
                return nil
            }
        }

        /// Records the outcome of the URL fetched last.
        mutating func record(_ step: DiscoveryAttempt.Step, _ outcome: String) {
            tried.append(DiscoveryAttempt(step: step, url: lastURL, outcome: outcome, isSuccess: false))
        }

        /// Records the winning attempt (the URL fetched last) and ends the discovery.
        mutating func finish(_ step: DiscoveryAttempt.Step, _ outcome: String, found: DiscoveredSource) -> DiscoveryResult {
            tried.append(DiscoveryAttempt(step: step, url: lastURL, outcome: outcome, isSuccess: true))
            return result(found: found)
        }

        func result(found: DiscoveredSource?) -> DiscoveryResult {
            DiscoveryResult(url: url, found: found, tried: tried)
        }

        private var lastFetched: String?
        private var lastURL: String { lastFetched ?? url }

        static func reason(_ error: FeedFetchError, url: String) -> String {
            let text = error.description
            let prefix = "feed \(url): "
            return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        }
    }
}
