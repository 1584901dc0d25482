import Classify
import VarselConfig
import FeedParse
import Foundation
public import VarselModel

/// `varselvakt bench classify`: scores the real `Classifier` against labels written by reading
/// real notices (labels/*.labels.json; conventions in labels/README.md).
///
/// Each label is matched to its entry in the fixture feeds (the newest build holding its id; the
/// first item with that id in that build), classified as the daemon would (Folkeregisteret's RSS
/// builds with feedAPIs ["folkeregisteret"], other feeds with none), and scored per field:
/// * kind: right when the classifier's kind is one of the labelled `kinds`;
/// * apis: recall, labelled APIs found / labelled APIs (labels `null` and `["*"]` skipped);
/// * scope_all: among notices labelled `["*"]`, the share classified scope `.all`;
/// * window_start: among notices with a labelled window, the share whose parsed window starts at
///   the labelled Oslo wall-clock time (a date-only label compares the date);
/// * environment: the share whose classified environment equals the label's.
public struct ClassifierScore: Sendable {
    /// One labelled notice (the JSON schema of labels/*.labels.json).
    public struct Label: Sendable, Decodable {
        public var id: String
        public var title: String
        public var kinds: [String]
        public var apis: [String]?
        public var window_oslo: [String?]?
        public var environment: String?
        public var split: String?
    }

    /// Right answers out of scored cases for one field; `total == 0` means not scored.
    public struct Field: Sendable {
        public var name: String
        public var right = 0
        public var total = 0
        public var accuracy: Double? { total == 0 ? nil : Double(right) / Double(total) }
    }

    public struct Miss: Sendable {
        public var id: String
        public var title: String
        public var field: String
        public var label: String
        public var got: String
    }

    public enum ScoreError: Error, CustomStringConvertible {
        case notFound([String])
        public var description: String {
            switch self {
            case .notFound(let ids): "labelled ids not in any feed: \(ids.prefix(5).joined(separator: ", "))"
            }
        }
    }

    public var kind = Field(name: "kind")
    public var apis = Field(name: "api_recall")
    public var scopeAll = Field(name: "scope_all")
    public var windowStart = Field(name: "window_start")
    public var environment = Field(name: "environment")
    /// Labelled first kind → predicted kind → count.
    public var confusion: [String: [String: Int]] = [:]
    public var misses: [Miss] = []
    public var notices = 0

    public var fields: [Field] { [kind, apis, scopeAll, windowStart, environment] }

    /// Scores the labels in `labelsFile` whose split is `split` ("dev", "holdout"; nil = all;
    /// labels without a split count as "dev").
    public static func run(labelsFile: String, feedsDirectory: String, catalog: Catalog, split: String?) throws
        -> ClassifierScore
    {
        let labels = try JSONDecoder().decode([Label].self, from: Data(contentsOf: URL(fileURLWithPath: labelsFile)))
            .filter { split == nil || ($0.split ?? "dev") == split }
        let entries = try entriesByID(in: feedsDirectory, wanted: Set(labels.map(\.id)))
        let missing = labels.map(\.id).filter { entries[$0] == nil }
        guard missing.isEmpty else { throw ScoreError.notFound(missing) }
        let classifier = Classifier(catalog: catalog, lexicon: ConfigLoader.builtInLexicon)
        var score = ClassifierScore()
        for label in labels {
            let (entry, feedAPIs) = entries[label.id]!
            let got = classifier.classify(
                ClassificationInput(
                    title: entry.title, summaryText: entry.summaryText, contentText: entry.contentText,
                    categories: entry.categories, published: entry.published ?? entry.updated, feedAPIs: feedAPIs))
            score.add(label, got, catalog: catalog)
        }
        return score
    }

    mutating func add(_ label: Label, _ got: Classification, catalog: Catalog) {
        notices += 1
        func miss(_ field: String, _ want: String, _ have: String) {
            misses.append(Miss(id: label.id, title: label.title, field: field, label: want, got: have))
        }
        // Kind.
        kind.total += 1
        if label.kinds.contains(got.kind.rawValue) { kind.right += 1 } else {
            miss("kind", label.kinds.joined(separator: ","), got.kind.rawValue)
        }
        confusion[label.kinds.first ?? "?", default: [:]][got.kind.rawValue, default: 0] += 1
        // APIs and scope.
        if let wanted = label.apis {
            if wanted == ["*"] {
                scopeAll.total += 1
                if got.scope == .all { scopeAll.right += 1 } else {
                    miss("scope_all", "all", "\(got.scope.rawValue) \(got.apis)")
                }
            } else {
                for name in wanted {
                    apis.total += 1
                    if let id = Self.catalogID(name, in: catalog), got.apis.contains(id) { apis.right += 1 } else {
                        miss("api", name, "\(got.scope.rawValue) \(got.apis)")
                    }
                }
            }
        }
        // Window start, compared as Oslo wall clock.
        if let start = label.window_oslo?.first ?? nil {
            windowStart.total += 1
            let have = got.maintenanceWindow.map { Self.osloMinute($0.start) }
            if let have, have.hasPrefix(start) { windowStart.right += 1 } else {
                miss("window_start", start, have ?? "none (\(got.kind.rawValue))")
            }
        }
        // Environment.
        if let want = label.environment, let have = Self.environmentOf(got) {
            environment.total += 1
            if have == want { environment.right += 1 } else { miss("environment", want, have) }
        }
    }

    /// The classified environment as the labels write it (production, test, both).
    static func environmentOf(_ classification: Classification) -> String? { classification.environment.rawValue }

    /// A label's display name ("Inntekt", "Folkeregisteret", "Maskinporten") → catalog id: the
    /// catalog `name` without a trailing " API".
    static func catalogID(_ name: String, in catalog: Catalog) -> String? {
        func bare(_ s: String) -> String { (s.hasSuffix(" API") ? String(s.dropLast(4)) : s).lowercased() }
        return catalog.apis.first { bare($0.name) == bare(name) }?.id
    }

    static func osloMinute(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// Every entry of the feed files in `directory`, newest build first (file names sort by build
    /// time), keeping the first occurrence of each wanted id.
    static func entriesByID(in directory: String, wanted: Set<String>) throws -> [String: (FeedEntry, [String])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".xml") }.sorted(by: >)
        var found: [String: (FeedEntry, [String])] = [:]
        let parser = FeedParser()
        for name in names where found.count < wanted.count {
            let path = (directory as NSString).appendingPathComponent(name)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let feedAPIs = name.hasPrefix("folkeregisteret-") ? ["folkeregisteret"] : []
            for entry in try parser.parse(bytes, source: name).entries
            where wanted.contains(entry.id) && found[entry.id] == nil {
                found[entry.id] = (entry, feedAPIs)
            }
        }
        return found
    }

    // MARK: Output

    public func report(misses showMisses: Bool) -> String {
        var lines = ["notices \(notices)"]
        for field in fields {
            let value = field.accuracy.map { String(format: "%.3f", $0) } ?? "n/a"
            lines.append("\(field.name.padding(toLength: 13, withPad: " ", startingAt: 0)) \(value)  (\(field.right)/\(field.total))")
        }
        let kinds = NoticeKind.allCases.map(\.rawValue)
        lines.append("")
        lines.append("kind confusion (rows: labelled first kind, columns: predicted)")
        lines.append("".padding(toLength: 12, withPad: " ", startingAt: 0) + kinds.map { $0.prefix(9).padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
        for row in kinds where confusion[row] != nil {
            let cells = kinds.map { String(confusion[row]?[$0] ?? 0).padding(toLength: 10, withPad: " ", startingAt: 0) }
            lines.append(row.padding(toLength: 12, withPad: " ", startingAt: 0) + cells.joined())
        }
        if showMisses {
            lines.append("")
            lines.append("misses (\(misses.count))")
            for m in misses {
                lines.append("\(m.field)\t\(m.id.split(separator: "/").last ?? "")\t\"\(m.title)\"\tlabel \(m.label)\tgot \(m.got)")
            }
        }
        return lines.joined(separator: "\n")
    }

    public func json(misses showMisses: Bool) throws -> String {
        struct Out: Encodable {
            var notices: Int
            var fields: [String: FieldOut]
            var confusion: [String: [String: Int]]
            var misses: [MissOut]?
        }
        struct FieldOut: Encodable { var right: Int; var total: Int; var accuracy: Double? }
        struct MissOut: Encodable { var id, title, field, label, got: String }
        let out = Out(
            notices: notices,
            fields: Dictionary(uniqueKeysWithValues: fields.map { ($0.name, FieldOut(right: $0.right, total: $0.total, accuracy: $0.accuracy)) }),
            confusion: confusion,
            misses: showMisses ? misses.map { MissOut(id: $0.id, title: $0.title, field: $0.field, label: $0.label, got: $0.got) } : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(out), as: UTF8.self)
    }
}
