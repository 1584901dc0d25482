import Classify
import FeedFetch
import FeedParse
import Foundation
import Logging
import NoticeDiff
import NoticeStore
import StatusPage
import VarselConfig
import VarselModel

#if canImport(Glibc)
    import Glibc
#endif

extension Benchmarks {
    /// Polls of a status page (Statuspage API v2, both documents) through the daemon's real poll
    /// cycle, against `scripts/bench_statuspage_server.py`: one untimed priming poll (the
    /// baseline), then `reps` unchanged polls (both documents answer 304) and `reps` changed
    /// polls (before each, untimed, the server's `/__advance` adds one update to the newest
    /// incident, so incidents.json answers 200 and the poll must report exactly 1 changed).
    /// Wall and CPU (getrusage, all threads, curl's included) per poll, medians; then, for the
    /// stage split, the two documents fetched unconditionally at once, the two bodies decoded into
    /// entries (and into Statuspage values alone), the stored validators read and the changed document written,
    /// each `reps` times. With `VARSELVAKT_BENCH_TRACE` set, every poll's time goes to stderr.
    public static func statusPagePoll(url: String, reps: Int, catalogPath: String?) async throws -> Measurement {
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = try benchConfig(
            in: directory, catalogPath: catalogPath, feed: "url = \"\(base)\"\nformat = \"statuspage\"")
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let runtime = try Runtime(config: config, logger: logger)
        let feed = config.feeds[0]
        let cycle = runtime.cycle

        let primeStart = ContinuousClock.now
        let first = try await cycle.poll(feed)
        let primeSeconds = (ContinuousClock.now - primeStart).seconds
        guard first.outcome == .modified, first.entries > 0 else { throw BenchError.firstPoll(first.line) }

        /// Wall and CPU seconds of one poll, checked by `expect`.
        func timedPoll(_ expect: (FeedPollReport) throws -> Void) async throws -> (wall: Double, cpu: Double) {
            let cpuStart = cpuSeconds()
            let start = ContinuousClock.now
            let report = try await cycle.poll(feed)
            let wall = (ContinuousClock.now - start).seconds
            let cpu = cpuSeconds() - cpuStart
            try expect(report)
            return (wall, cpu)
        }

        var unchanged: [(wall: Double, cpu: Double)] = []
        for _ in 0..<max(1, reps) {
            unchanged.append(
                try await timedPoll { report in
                    guard report.outcome == .notModified else { throw BenchError.notNotModified(report.line) }
                })
        }

        let advance = FeedRequest(url: base + "/__advance", limits: feed.fetchLimits)
        var changed: [(wall: Double, cpu: Double)] = []
        var entries = first.entries
        for _ in 0..<max(1, reps) {
            guard case .modified = try await cycle.fetcher.fetch(advance) else {
                throw BenchError.advance("\(advance.url) did not answer 200")
            }
            changed.append(
                try await timedPoll { report in
                    let s = report.summary
                    guard report.outcome == .modified, s.changed == 1, s.new == 0, s.withdrawn == 0, s.expired == 0 else {
                        throw BenchError.notChanged(report.line)
                    }
                    entries = report.entries
                })
        }

        // Stage split: the two documents fetched unconditionally at once (as a poll does), the
        // two stored bodies decoded and turned into entries, the validators read, one document written.
        let urls = StatusPageReader.documentURLs(base: base)
        var fetchTimes: [Double] = []
        for _ in 0..<max(1, reps) {
            let start = ContinuousClock.now
            async let incidents = cycle.fetcher.fetch(FeedRequest(url: urls.incidents, limits: feed.fetchLimits))
            async let maintenances = cycle.fetcher.fetch(FeedRequest(url: urls.maintenances, limits: feed.fetchLimits))
            guard case .modified = try await incidents, case .modified = try await maintenances else {
                throw BenchError.advance("an unconditional GET of the documents did not answer 200")
            }
            fetchTimes.append((ContinuousClock.now - start).seconds)
        }
        guard let incidentsBody = try await runtime.store.sourceDocumentBody(feed: feed.id, url: urls.incidents),
            let maintenancesBody = try await runtime.store.sourceDocumentBody(feed: feed.id, url: urls.maintenances)
        else { throw BenchError.firstPoll("no stored documents for \(base)") }
        var decodeTimes: [Double] = []
        for _ in 0..<max(1, reps) {
            let start = ContinuousClock.now
            let page = try StatusPageAdapter.page(
                incidents: incidentsBody, incidentsURL: urls.incidents, maintenances: maintenancesBody,
                maintenancesURL: urls.maintenances, base: base)
            decodeTimes.append((ContinuousClock.now - start).seconds)
            guard page.entries.count == entries else {
                throw BenchError.notChanged("decoded \(page.entries.count) entries, the poll saw \(entries)")
            }
        }

        // Of the decode, the JSON alone (JSONDecoder into the Statuspage values, both documents).
        var jsonTimes: [Double] = []
        for _ in 0..<max(1, reps) {
            let start = ContinuousClock.now
            let decoder = StatusPageDecoder()
            let incidents = try decoder.decode(Data(incidentsBody), endpoint: .incidents, source: urls.incidents)
            let maintenances = try decoder.decode(
                Data(maintenancesBody), endpoint: .scheduledMaintenances, source: urls.maintenances)
            jsonTimes.append((ContinuousClock.now - start).seconds)
            guard incidents.incidents.count + maintenances.scheduledMaintenances.count == entries else {
                throw BenchError.notChanged(
                    "JSON gave \(incidents.incidents.count) + \(maintenances.scheduledMaintenances.count)")
            }
        }

        // What every poll of a status page reads before its conditional GETs (the stored
        // validators), and what a changed poll writes (the one document fetched anew).
        var loadTimes: [Double] = []
        var saveTimes: [Double] = []
        let fetchedAnew = SourceDocument(url: urls.incidents, etag: nil, lastModified: nil, body: incidentsBody, fetchedAt: Date())
        for _ in 0..<max(1, reps) {
            var start = ContinuousClock.now
            _ = try await runtime.store.sourceDocumentValidators(feed: feed.id)
            loadTimes.append((ContinuousClock.now - start).seconds)
            start = ContinuousClock.now
            try await runtime.store.saveSourceDocuments(feed: feed.id, [fetchedAnew], keeping: [urls.incidents, urls.maintenances])
            saveTimes.append((ContinuousClock.now - start).seconds)
        }

        if ProcessInfo.processInfo.environment["VARSELVAKT_BENCH_TRACE"] != nil {
            let line = { (label: String, values: [Double]) in
                label + ": " + values.map { String(format: "%.2f", $0 * 1000) }.joined(separator: " ") + "\n"
            }
            FileHandle.standardError.write(
                Data(
                    (line("unchanged wall ms", unchanged.map(\.wall)) + line("changed wall ms", changed.map(\.wall))
                        + line("changed cpu ms", changed.map(\.cpu))).utf8))
        }
        func ms(_ values: [Double]) -> String { String(format: "%.3f", median(values) * 1000) }
        func pct(_ values: [Double], _ p: Double) -> String {
            let sorted = values.sorted()
            return String(format: "%.3f", sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000)
        }
        func meanMS(_ values: [Double]) -> String { String(format: "%.3f", values.reduce(0, +) / Double(values.count) * 1000) }
        return summarize(
            "statuspage_poll", base, unchanged.map(\.wall),
            extra: [
                ("entries", "\(entries)"), ("incidents_bytes", "\(incidentsBody.count)"),
                ("maintenances_bytes", "\(maintenancesBody.count)"),
                ("prime_wall_ms", String(format: "%.3f", primeSeconds * 1000)),
                ("unchanged_wall_ms", ms(unchanged.map(\.wall))), ("unchanged_cpu_ms", ms(unchanged.map(\.cpu))),
                ("unchanged_cpu_mean_ms", meanMS(unchanged.map(\.cpu))),
                ("unchanged_wall_p10_ms", pct(unchanged.map(\.wall), 0.1)),
                ("unchanged_wall_p90_ms", pct(unchanged.map(\.wall), 0.9)),
                ("changed_wall_ms", ms(changed.map(\.wall))), ("changed_cpu_ms", ms(changed.map(\.cpu))),
                ("changed_cpu_mean_ms", meanMS(changed.map(\.cpu))),
                ("changed_wall_p10_ms", pct(changed.map(\.wall), 0.1)),
                ("changed_wall_p90_ms", pct(changed.map(\.wall), 0.9)),
                ("fetch_200_wall_ms", ms(fetchTimes)), ("decode_wall_ms", ms(decodeTimes)),
                ("json_decode_wall_ms", ms(jsonTimes)),
                ("load_documents_wall_ms", ms(loadTimes)), ("save_documents_wall_ms", ms(saveTimes)),
                ("peak_rss_kb", "\(peakRSSKilobytes())"),
            ])
    }
}
