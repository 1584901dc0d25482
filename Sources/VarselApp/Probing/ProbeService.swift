import Foundation
public import Logging
import NoticeStore
public import ServiceLifecycle
import Probes
import VarselConfig
import VarselModel

/// The daemon's probe loop: each target on its own interval (targets falling due together are
/// probed in one concurrent round). Raw results past their retention are pruned by `PruneService`.
public struct ProbeService: Service {
    let cycle: ProbeCycle
    let logger: Logger

    public init(cycle: ProbeCycle, logger: Logger) {
        self.cycle = cycle
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
        // Rounds are scheduled on the monotonic clock: a wall clock set back an hour must not
        // stop probing for that hour, nor one set forward fire every target at once. Wall time
        // (`now`) is only what a round records.
        let clock = ContinuousClock()
        var due = Array(repeating: clock.now, count: targets.count)
        logger.info("probing \(targets.count) targets")
        while !Task.isCancelled {
            let now = Date()
            let tick = clock.now
            let indices = targets.indices.filter { due[$0] <= tick }
            if !indices.isEmpty {
                do {
                    let report = try await cycle.round(indices.map { targets[$0] }, now: now)
                    let down = report.round.results.filter { !$0.up }.count
                    logger.debug("probe round: \(report.round.results.count) targets, \(down) down, \(report.round.duration) s")
                } catch {
                    // Stopping cancels the round's store write too: that is no failure.
                    if Task.isCancelled { break }
                    logger.error("probe round failed: \(error)")
                }
                for index in indices { due[index] = tick + targets[index].settings.interval }
            }
            let next = max(due.min() ?? tick + .seconds(60), clock.now + .milliseconds(50))
            try? await Task.sleep(until: next, clock: clock)
        }
    }
}
