import FeedParse
import Foundation
import Testing
import VarselModel

/// Manual timing harness, off unless `VARSELVAKT_PARSE_BENCH` names a feed file, e.g.
///
///     /usr/bin/python3 ../shared/bench/gen_atom.py --entries 5000 --out /tmp/bench.atom
///     VARSELVAKT_PARSE_BENCH=/tmp/bench.atom swift test -c release --filter ParseBenchmark
///
/// Prints the median of 20 parses; compare with `xmllint --stream --noout` on the same file.
/// Deliberately no timed assertion (machines differ); it only checks that the parse worked.
struct ParseBenchmark {
    static let path = ProcessInfo.processInfo.environment["VARSELVAKT_PARSE_BENCH"]

    @Test(.enabled(if: path != nil, "set VARSELVAKT_PARSE_BENCH=/path/to/feed.xml to run"))
    func parseTiming() throws {
        let path = try #require(Self.path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let parser = FeedParser()
        var timings: [Double] = []
        var entries = 0
        for _ in 0..<21 {
            let start = ContinuousClock.now
            let feed = try parser.parse(bytes, source: path)
            let elapsed = ContinuousClock.now - start
            timings.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
            entries = feed.entries.count
        }
        timings.removeFirst()
        timings.sort()
        let median = timings[timings.count / 2]
        print(
            "ParseBenchmark \(path): \(bytes.count) bytes, \(entries) entries, median \(median) ms, "
                + "min \(timings[0]) ms, max \(timings[timings.count - 1]) ms")
        #expect(entries > 0)
    }
}
