public import Foundation
public import Logging
public import NoticeStore
public import ServiceLifecycle
public import VarselConfig
import VarselModel

/// Keeps the store from growing without end: at start and then hourly, deletes what the
/// configuration keeps only for a while (the poll log past `[store] poll_log_retention`, probe
/// results past `[probes] retention`). Notices, versions, changes, incidents and deliveries,
/// the history KS support answers from, are never pruned.
public struct PruneService: Service {
    let store: NoticeStore
    let config: VarselvaktConfig
    let logger: Logger
    let interval: Duration

    public init(store: NoticeStore, config: VarselvaktConfig, logger: Logger, interval: Duration = .seconds(3600)) {
        self.store = store
        self.config = config
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let report = try await Self.prune(store, config, now: Date())
                    if report.total > 0 { logger.info("\(report)") }
                } catch {
                    if Task.isCancelled { break }
                    logger.error("pruning failed, trying again in \(interval): \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// What one pruning removed.
    public struct Report: Sendable, CustomStringConvertible {
        public var pollLogLines: Int
        public var probeResults: Int
        public var pollLogBefore: Date
        public var probeResultsBefore: Date
        public var total: Int { pollLogLines + probeResults }

        public var description: String {
            "pruned \(pollLogLines) poll-log lines from before \(Self.day(pollLogBefore)) and \(probeResults) "
                + "probe results from before \(Self.day(probeResultsBefore)); notices, versions, changes, "
                + "incidents and deliveries are kept"
        }

        /// The UTC day: what a retention cut-off means (once a day in the log, so a formatter is fine).
        private static func day(_ date: Date) -> String {
            let format = ISO8601DateFormatter()
            format.formatOptions = [.withFullDate]
            return format.string(from: date)
        }
    }

    /// One pruning by the configuration's retention periods (the daemon hourly, `varselvakt prune`).
    public static func prune(_ store: NoticeStore, _ config: VarselvaktConfig, now: Date) async throws(StoreError) -> Report {
        let pollBefore = now.addingTimeInterval(-config.store.pollLogRetention.seconds)
        let probeBefore = now.addingTimeInterval(-config.probes.retention.seconds)
        let lines = try await store.prunePollLog(before: pollBefore)
        let results = try await store.pruneProbeResults(before: probeBefore)
        return Report(pollLogLines: lines, probeResults: results, pollLogBefore: pollBefore, probeResultsBefore: probeBefore)
    }
}
