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

/// Measurements behind BENCHMARKS.md, run by `varselvakt bench` (never by the test suite).
public enum Benchmarks {
    /// The result of one benchmark, as a human line and as one line of JSON.
    public struct Measurement: Sendable {
        public var name: String
        public var file: String
        public var reps: Int
        public var medianSeconds: Double
        public var minSeconds: Double
        public var extra: [(String, String)]

        public var line: String {
            let rest = extra.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            return String(format: "RESULT %@ %@ reps=%d median_s=%.6f min_s=%.6f ", name, file, reps, medianSeconds, minSeconds)
                + rest
        }

        public var json: String {
            var fields = [
                "\"name\":\"\(name)\"", "\"file\":\"\(file)\"", "\"reps\":\(reps)",
                String(format: "\"median_s\":%.6f", medianSeconds), String(format: "\"min_s\":%.6f", minSeconds),
            ]
            fields += extra.map { "\"\($0.0)\":\(Double($0.1) != nil ? $0.1 : "\"\($0.1)\"")" }
            return "{" + fields.joined(separator: ",") + "}"
        }
    }

    /// Parse + extract (text, sanitized HTML, dates) of one file, `reps` times.
    public static func parse(file: String, reps: Int) throws -> Measurement {
        let bytes = try readFile(file)
        let parser = FeedParser()
        var times: [Double] = []
        var entries = 0
        for _ in 0..<max(1, reps) {
            let start = ContinuousClock.now
            let feed = try parser.parse(bytes, source: file)
            times.append((ContinuousClock.now - start).seconds)
            entries = feed.entries.count
        }
        return summarize(
            "parse", file, times,
            extra: [
                ("entries", "\(entries)"), ("bytes", "\(bytes.count)"), ("peak_rss_kb", "\(peakRSSKilobytes())"),
            ])
    }

    /// The whole ingest of one file into a fresh database: parse, normalise, hash, diff,
    /// classify, store (a first poll, so every entry is written with its first version).
    /// - Parameter previous: when given, each repetition first stores this older snapshot
    ///   (untimed), so the timed ingest of `file` is a routine poll: every entry parsed,
    ///   normalised, hashed and diffed, only what changed classified and stored.
    public static func ingest(file: String, reps: Int, catalogPath: String?, previous: String? = nil) async throws -> Measurement
    {
        let bytes = try readFile(file)
        // Without a file, the catalog a config naming none would use (as `routinePoll` gets it).
        let catalog = try catalogPath.map { try ConfigLoader.loadCatalog(path: $0) } ?? ConfigLoader.loadBuiltInCatalog()
        let classifier = Classifier(catalog: catalog, lexicon: ConfigLoader.builtInLexicon)
        let differ = NoticeDiffer()
        var times: [Double] = []
        var stages: [String: [Double]] = [:]
        var entries = 0
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for rep in 0..<max(1, reps) {
            let store = try NoticeStore(path: directory.appendingPathComponent("ingest-\(rep).sqlite").path)
            if let previous {
                try await prime(store, with: previous, classifier: classifier)
            }
            let clock = ContinuousClock()
            let start = clock.now
            var mark = start
            func lap(_ stage: String) {
                let now = clock.now
                stages[stage, default: []].append((now - mark).seconds)
                mark = now
            }
            let feed = try FeedParser().parse(bytes, source: file)
            lap("parse")
            let now = Date()
            let feedID = FeedID("bench")
            let stored = try await store.storedNotices(feed: feedID)
            lap("load")
            let updates = differ.diff(stored: stored, entries: feed.entries, isFirstPoll: previous == nil, now: now)
            lap("diff")
            let classifications = classifier.classifications(of: updates, feedAPIs: [])
            lap("classify")
            _ = try await store.recordModified(
                ModifiedPoll(
                    feed: feedID, url: "file://" + file, title: feed.title, etag: nil, lastModified: nil, updates: updates,
                    classifications: classifications,
                    poll: PollRecord(
                        feedID: feedID, startedAt: now, duration: 0, outcome: .modified, entries: feed.entries.count),
                    nextPollAt: nil))
            lap("store")
            times.append((clock.now - start).seconds)
            entries = feed.entries.count
        }
        let stageMedians = ["parse", "load", "diff", "classify", "store"].map { stage -> (String, String) in
            let sorted = (stages[stage] ?? [0]).sorted()
            return ("\(stage)_ms", String(format: "%.3f", sorted[sorted.count / 2] * 1000))
        }
        return summarize(
            "ingest", file, times, extra: [("entries", "\(entries)")] + stageMedians + [("peak_rss_kb", "\(peakRSSKilobytes())")])
    }

    /// A routine poll as the daemon runs it: `previous` is polled first (untimed) through the
    /// real poll cycle from a local file, then the file is replaced by `file` and the next poll
    /// is timed: read, parse, diff, classify, store, with the notices the cycle remembers.
    public static func routinePoll(file: String, previous: String, reps: Int, catalogPath: String?) async throws -> Measurement {
        var times: [Double] = []
        var entries = 0
        for _ in 0..<max(1, reps) {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let feedFile = directory.appendingPathComponent("feed.xml")
            try FileManager.default.copyItem(atPath: previous, toPath: feedFile.path)
            let config = try benchConfig(in: directory, catalogPath: catalogPath, feed: "path = \"feed.xml\"")
            var logger = Logger(label: "bench")
            logger.logLevel = .critical
            let runtime = try Runtime(config: config, logger: logger)
            _ = try await runtime.cycle.poll(config.feeds[0])
            let next = directory.appendingPathComponent("next.xml")
            try FileManager.default.copyItem(atPath: file, toPath: next.path)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: next.path)
            // rename(2): an atomic replace, as a deploy does (Foundation's replaceItemAt fails here).
            guard rename(next.path, feedFile.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            let start = ContinuousClock.now
            let report = try await runtime.cycle.poll(config.feeds[0])
            times.append((ContinuousClock.now - start).seconds)
            guard report.outcome == .modified else { throw BenchError.firstPoll(report.line) }
            entries = report.entries
        }
        return summarize(
            "routine_poll", file, times, extra: [("entries", "\(entries)"), ("peak_rss_kb", "\(peakRSSKilobytes())")])
    }

    /// Stores `file` as a first poll of the bench feed.
    private static func prime(_ store: NoticeStore, with file: String, classifier: Classifier) async throws {
        let feed = try FeedParser().parse(try readFile(file), source: file)
        let now = Date().addingTimeInterval(-3600)
        let updates = NoticeDiffer().diff(stored: [], entries: feed.entries, isFirstPoll: true, now: now)
        let classifications = classifier.classifications(of: updates, feedAPIs: [])
        _ = try await store.recordModified(
            ModifiedPoll(
                feed: FeedID("bench"), url: "file://" + file, title: feed.title, etag: nil, lastModified: nil, updates: updates,
                classifications: classifications,
                poll: PollRecord(feedID: FeedID("bench"), startedAt: now, duration: 0, outcome: .modified), nextPollAt: nil))
    }

    /// CPU and wall time of polls that get `304 Not Modified` (or an unchanged file), after one
    /// priming poll: the cost varselvakt pays on every interval when nothing changed.
    public static func notModified(url: String, reps: Int) async throws -> Measurement {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configText = """
            [store]
            path = "\(directory.appendingPathComponent("state.sqlite").path)"
            [[feeds]]
            url = "\(url)"
            name = "bench"
            """
        let config = try ConfigLoader.load(text: configText, file: "bench.toml", baseDirectory: directory.path)
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let runtime = try Runtime(config: config, logger: logger)
        let feed = config.feeds[0]
        let first = try await runtime.cycle.poll(feed)
        guard first.outcome == .modified else { throw BenchError.firstPoll(first.line) }
        var times: [Double] = []
        let cpuStart = cpuSeconds()
        for _ in 0..<max(1, reps) {
            let start = ContinuousClock.now
            let report = try await runtime.cycle.poll(feed)
            guard report.outcome == .notModified else { throw BenchError.notNotModified(report.line) }
            times.append((ContinuousClock.now - start).seconds)
        }
        let cpuPerPoll = (cpuSeconds() - cpuStart) / Double(max(1, reps))
        return summarize(
            "not_modified", url, times,
            extra: [
                ("cpu_per_poll_ms", String(format: "%.3f", cpuPerPoll * 1000)), ("peak_rss_kb", "\(peakRSSKilobytes())"),
            ])
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    enum BenchError: Error, CustomStringConvertible {
        case firstPoll(String)
        case notNotModified(String)
        case notChanged(String)
        case advance(String)
        var description: String {
            switch self {
            case .firstPoll(let line): "bench: the priming poll did not fetch the feed: \(line)"
            case .notNotModified(let line): "bench: the server did not answer 304 Not Modified: \(line)"
            case .notChanged(let line): "bench: the changed poll did not report exactly 1 changed notice: \(line)"
            case .advance(let message): "bench: could not advance the status page: \(message)"
            }
        }
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return [UInt8](data)
    }

    static func summarize(_ name: String, _ file: String, _ times: [Double], extra: [(String, String)]) -> Measurement {
        let sorted = times.sorted()
        return Measurement(
            name: name, file: (file as NSString).lastPathComponent, reps: times.count,
            medianSeconds: sorted[sorted.count / 2], minSeconds: sorted.first ?? 0, extra: extra)
    }

    /// User + system CPU time of this process, all threads (the curl thread included).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident set size (VmHWM) in KiB, from /proc/self/status.
    static func peakRSSKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    /// A throwaway config in `directory`: a store, the catalog at `catalogPath` (else the built-in
    /// one) and one feed named "bench" with the keys in `feed`.
    static func benchConfig(in directory: URL, catalogPath: String?, feed: String) throws -> VarselvaktConfig {
        let catalogLine =
            catalogPath.map { "[catalog]\npath = \"\(URL(fileURLWithPath: $0).standardizedFileURL.path)\"" } ?? ""
        return try ConfigLoader.load(
            text: "[store]\npath = \"state.sqlite\"\n\(catalogLine)\n[[feeds]]\nname = \"bench\"\n\(feed)\n",
            file: "bench.toml", baseDirectory: directory.path)
    }
}