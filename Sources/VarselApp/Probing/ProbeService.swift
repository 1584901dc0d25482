import Foundation
public import Logging
import NoticeStore
public import ServiceLifecycle
import Probes
import VarselConfig
import VarselModel

/// The daemon's probe loop: each target on its own interval (targets falling due together are
/// probed in one concurrent round), raw results pruned after the configured retention.
public struct ProbeService: Service {
    let cycle: ProbeCycle
    let retention: Duration
    let logger: Logger

    public init(cycle: ProbeCycle, retention: Duration, logger: Logger) {
        self.cycle = cycle
        self.retention = retention
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await loop()
        }
    }

    private func loop() async {
        let targets = cycle.targets
        guard !targets.isEmpty else { return }
        var due = Array(repeating: Date(), count: targets.count)
        var lastPrune = Date.distantPast
        logger.info("probing \(targets.count) targets")
        while !Task.isCancelled {
            let now = Date()
            let indices = targets.indices.filter { due[$0] <= now }
            if !indices.isEmpty {
                do {
                    let report = try await cycle.round(indices.map { targets[$0] }, now: now)
                    let down = report.round.results.filter { !$0.up }.count
                    logger.debug("probe round: \(report.round.results.count) targets, \(down) down, \(report.round.duration) s")
                } catch {
                    logger.error("probe round failed: \(error)")
                }
                for index in indices { due[index] = now.addingTimeInterval(targets[index].settings.interval.seconds) }
            }
            if now.timeIntervalSince(lastPrune) > 3600 {
                lastPrune = now
                do {
                    let pruned = try await cycle.store.pruneProbeResults(before: now.addingTimeInterval(-retention.seconds))
                    if pruned > 0 { logger.info("pruned \(pruned) probe results older than the retention") }
                } catch {
                    logger.error("pruning probe results failed: \(error)")
                }
            }
            let wait = max((due.min() ?? now.addingTimeInterval(60)).timeIntervalSinceNow, 0.05)
            try? await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
        }
    }
}
