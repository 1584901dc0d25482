import Foundation
public import Logging
import NoticeStore
public import ServiceLifecycle
public import VarselConfig
import VarselModel

/// The daemon's poll loop: every feed on its own interval, until graceful shutdown.
///
/// One child task per feed inside a task group (never a detached `Task`), so SIGTERM cancels
/// them all and `run()` returns only when they have stopped. A feed that fails waits the
/// backoff delay its poll computed; a restart honours the `nextPollAt` the store remembers, so
/// restarting the daemon does not hammer a feed that asked us to back off.
public struct FeedPollerService: Service {
    let cycle: PollCycle
    let feeds: [FeedConfig]
    let logger: Logger

    let telemetry: Telemetry

    public init(cycle: PollCycle, feeds: [FeedConfig], logger: Logger, telemetry: Telemetry = .none) {
        self.telemetry = telemetry
        self.cycle = cycle
        self.feeds = feeds
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for feed in feeds {
                    group.addTask { await loop(feed) }
                }
            }
        }
    }

    private func loop(_ feed: FeedConfig) async {
        // Resume a backoff the previous process started.
        if let next = try? await cycle.store.feedState(feed.id)?.nextPollAt, next > Date() {
            let wait = next.timeIntervalSinceNow
            logger.info("waiting before first poll", metadata: ["feed": "\(feed.id)", "seconds": "\(Int(wait))"])
            guard (try? await Task.sleep(for: .seconds(wait))) != nil else { return }
        }
        while !Task.isCancelled {
            var delay = feed.interval
            do {
                let report = try await cycle.poll(feed)
                log(report)
                if let retry = report.retryIn { delay = retry }
            } catch is CancellationError {
                return
            } catch {
                logger.error("poll could not be stored", metadata: ["feed": "\(feed.id)", "error": "\(error)"])
                delay = min(feed.interval, .seconds(60))
            }
            guard (try? await Task.sleep(for: delay)) != nil else { return }
        }
    }

    private func log(_ report: FeedPollReport) {
        telemetry.poll(feed: report.feed, outcome: report.outcome.rawValue)
        if report.storm != nil { telemetry.alertStorm(feed: report.feed) }
        switch report.outcome {
        case .failed:
            logger.warning(
                "poll failed",
                metadata: [
                    "feed": "\(report.feed)", "error": "\(report.error ?? "")",
                    "retry_in_s": "\(Int(report.retryIn?.seconds ?? 0))",
                ])
        case .notModified:
            logger.debug("\(report.line)")
        case .modified:
            logger.info("\(report.line)")
            for change in report.changes where change.change.isAlerting {
                logger.notice(
                    "\(change.change.rawValue): \(change.title)",
                    metadata: [
                        "feed": "\(report.feed)", "notice": "\(change.noticeID)", "kind": "\(change.kind.rawValue)",
                        "apis": "\(change.apis.joined(separator: ","))",
                    ])
            }
        }
    }
}
