import ArgumentParser
import Foundation
import Probes
import VarselApp
import VarselConfig

/// `varselvakt bench`: measurements for BENCHMARKS.md (never run by the test suite).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (parse, ingest) for BENCHMARKS.md.",
        subcommands: [
            Parse.self, Ingest.self, RoutinePoll.self, NotModified.self, StatusPagePoll.self, Probes.self, Classify.self,
        ])

    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Parse FILE repeatedly and report time per parse.")
        @Argument(help: "A feed file (Atom or RSS).") var file: String
        @Option(name: .long, help: "Repetitions.") var reps = 20
        @Flag(name: .long, help: "One line of JSON.") var json = false

        func run() async throws {
            let result = try Benchmarks.parse(file: file, reps: reps)
            print(json ? result.json : result.line)
        }
    }

    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Full ingest of FILE (parse, normalise, hash, diff, classify, store) into a fresh SQLite file.")
        @Argument(help: "A feed file (Atom or RSS).") var file: String
        @Option(name: .long, help: "Repetitions (each into a fresh database).") var reps = 5
        @Option(name: .long, help: "Catalog file used for classification (default: the built-in catalog).") var catalog: String?
        @Option(name: .long, help: "Store this older snapshot first (untimed): FILE is then a routine poll, not a first one.")
        var after: String?
        @Flag(name: .long, help: "One line of JSON.") var json = false

        func run() async throws {
            let result = try await Benchmarks.ingest(file: file, reps: reps, catalogPath: catalog, previous: after)
            print(json ? result.json : result.line)
        }
    }

    struct RoutinePoll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "routine-poll",
            abstract: "Time the daemon's poll cycle on FILE after PREVIOUS was polled (read, parse, diff, classify, store).")
        @Argument(help: "The newer snapshot.") var file: String
        @Option(name: .long, help: "The older snapshot, polled first (untimed).") var after: String
        @Option(name: .long, help: "Repetitions.") var reps = 20
        @Option(name: .long, help: "Catalog file used for classification (default: the built-in catalog).") var catalog: String?
        @Flag(name: .long, help: "One line of JSON.") var json = false

        func run() async throws {
            let result = try await Benchmarks.routinePoll(file: file, previous: after, reps: reps, catalogPath: catalog)
            print(json ? result.json : result.line)
        }
    }

    struct NotModified: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "not-modified", abstract: "CPU per poll when the server answers 304 (URL must support conditional GET).")
        @Argument(help: "Feed URL (http://127.0.0.1:... or file://...).") var url: String
        @Option(name: .long, help: "Repetitions.") var reps = 200
        @Flag(name: .long, help: "One line of JSON.") var json = false

        func run() async throws {
            let result = try await Benchmarks.notModified(url: url, reps: reps)
            print(json ? result.json : result.line)
        }
    }

    struct StatusPagePoll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "statuspage-poll",
            abstract: "Wall and CPU per poll of a status page (scripts/bench_statuspage_server.py): unchanged (304) and changed.")
        @Argument(help: "The page's base URL (http://127.0.0.1:PORT), serving /api/v2/*.json and /__advance.") var url: String
        @Option(name: .long, help: "Repetitions of each kind of poll.") var reps = 50
        @Option(name: .long, help: "Catalog file used for classification.") var catalog = "config/catalog.toml"
        @Flag(name: .long, help: "One line of JSON.") var json = false

        func run() async throws {
            let result = try await Benchmarks.statusPagePoll(url: url, reps: reps, catalogPath: catalog)
            print(json ? result.json : result.line)
        }
    }

    struct Probes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One probe round over the URLs in FILE (one per line), all at once; prints wall time and results.")
        @Argument(help: "A file of http(s) URLs, one per line.") var file: String
        @Option(name: .long, help: "Timeout per probe, seconds.") var timeout = 10

        func run() async throws {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let urls = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
            print(await ProbeBenchmark.run(urls: urls, timeout: .seconds(timeout)))
        }
    }

    struct Classify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the classifier against notices labelled by reading (labels/*.labels.json).",
            discussion: """
                Prints accuracy per field (kind, API recall, scope "all", window start, environment) with counts \
                and a kind confusion matrix. Write rules from the "dev" split; check them on "holdout".
                """)
        @Option(name: .long, help: "A labels file (labels/folkeregisteret.labels.json).") var labels: String
        @Option(name: .long, help: "The API catalog.") var catalog = "config/catalog.toml"
        @Option(name: .long, help: "Directory of the feed builds the labelled notices come from.")
        var feeds = "../shared/fixtures/feeds"
        @Option(name: .long, help: "dev, holdout or all.") var split = "all"
        @Flag(name: .long, help: "List every miss (id, title, field, label vs got).") var misses = false
        @Flag(name: .long, help: "JSON instead of text.") var json = false

        func validate() throws {
            guard ["dev", "holdout", "all"].contains(split) else { throw ValidationError("--split is dev, holdout or all") }
        }

        func run() async throws {
            let score = try ClassifierScore.run(
                labelsFile: labels, feedsDirectory: feeds, catalog: try ConfigLoader.loadCatalog(path: catalog),
                split: split == "all" ? nil : split)
            print(json ? try score.json(misses: misses) : score.report(misses: misses))
        }
    }
}
