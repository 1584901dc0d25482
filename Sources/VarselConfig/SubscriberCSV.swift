import SwiftCSV
public import VarselModel

/// What `SubscriberCSV.convert` produced: the subscribers file for the good rows and one
/// problem per bad row.
public struct SubscriberCSVResult: Sendable, Hashable {
    /// A subscribers.toml holding every good row, in file order.
    public var toml: String
    /// How many rows made it into `toml`.
    public var imported: Int
    /// One per bad row (or bad header), in file order.
    public var problems: [SubscriberCSVProblem]
}

/// A row (or the header) the import refused, and why.
public struct SubscriberCSVProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// The 1-based line the row starts on (the header is line 1).
    public var line: Int
    /// Names the subscriber (by id or name) and the column, e.g.
    /// `subscriber "oslo": org_number: 974760674 fails the mod-11 check`.
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}

/// Turns KS operations' subscriber spreadsheet (exported as CSV) into subscribers.toml, for
/// `varselvakt subscribers import FILE.csv`.
///
/// Accepts what spreadsheet programs write: ';' (Norwegian Excel) or ',' delimiters, judged from
/// the header; a UTF-8 byte order mark; CRLF line ends; quoted cells spanning lines. Each row
/// is checked by the same `SubscriberValidator` as subscribers.toml, so an imported file loads;
/// webhook secrets are only named (env variable or file), never read or written. Bad rows are
/// reported with their line and left out; good rows are still written. A bad header (an
/// unknown, repeated or missing column) stops the import: guessing what a misspelt column meant
/// would silently drop data.
public enum SubscriberCSV {
    public static func convert(text: String, file: String, catalog: Catalog) -> SubscriberCSVResult {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        var problems: [SubscriberCSVProblem] = []
        func problem(_ line: Int, _ message: String) {
            problems.append(SubscriberCSVProblem(file: file, line: line, message: message))
        }
        var records = CSVRecords.split(String(body))[...]
        while let first = records.first, first.text.allSatisfy(\.isWhitespace) { records = records.dropFirst() }
        guard let headerRecord = records.popFirst() else {
            problem(1, "the file is empty; the first line must name the columns (kind, name, org_number, ...)")
            return SubscriberCSVResult(toml: SubscriberTOMLRenderer.render([], source: file), imported: 0, problems: problems)
        }
        let delimiter = CSVDelimiter(unicodeScalarLiteral: CSVRecords.delimiter(ofHeader: headerRecord.text))
        let columns: [SubscriberCSVColumn]
        switch header(headerRecord, delimiter: delimiter) {
        case .success(let found): columns = found
        case .failure(let failure):
            problem(headerRecord.line, failure.message)
            return SubscriberCSVResult(toml: SubscriberTOMLRenderer.render([], source: file), imported: 0, problems: problems)
        }

        let validator = SubscriberValidator(catalog: catalog)
        var accepted: [ValidatedSubscriber] = []
        var idLines: [SubscriberID: Int] = [:]
        for record in records {
            let cells: [String]
            switch parse(record, delimiter: delimiter) {
            case .success(let parsed): cells = parsed
            case .failure(let failure):
                problem(record.line, failure.message)
                continue
            }
            if cells.allSatisfy({ $0.isEmpty }) { continue }  // a blank row (";;;;" from Excel)
            guard cells.count <= columns.count else {
                problem(record.line, "has \(cells.count) cells but the header names \(columns.count) columns")
                continue
            }
            var row: [SubscriberCSVColumn: String] = [:]
            for (column, cell) in zip(columns, cells) where !cell.isEmpty { row[column] = cell }
            let label = SubscriberFields.label(id: row[.id], name: row[.name], fallback: "row")
            do throws(FieldProblem) {
                let valid = try validator.validate(try fields(from: row))
                if let first = idLines[valid.id] {
                    throw FieldProblem("id", "\"\(valid.id)\" is already used by the row on line \(first); ids must be unique")
                }
                idLines[valid.id] = record.line
                accepted.append(valid)
            } catch {
                let column = SubscriberCSVColumn.name(for: error.path).map { ": \($0)" } ?? ""
                problem(record.line, "\(label)\(column): \(error.message)")
            }
        }
        return SubscriberCSVResult(
            toml: SubscriberTOMLRenderer.render(accepted, source: file), imported: accepted.count, problems: problems)
    }

    private static func header(
        _ record: CSVRecords.Record, delimiter: CSVDelimiter
    ) -> Result<[SubscriberCSVColumn], FieldProblemText> {
        let names: [String]
        switch parse(record, delimiter: delimiter) {
        case .success(let cells): names = cells
        case .failure(let failure): return .failure(failure)
        }
        var columns: [SubscriberCSVColumn] = []
        var unknown: [String] = []
        for name in names {
            guard let column = SubscriberCSVColumn(header: name) else {
                unknown.append("\"\(TextRules.shown(name))\"")
                continue
            }
            if columns.contains(column) {
                return .failure(
                    FieldProblemText("header: column \(column.rawValue) appears twice (as \"\(TextRules.shown(name))\")"))
            }
            columns.append(column)
        }
        if !unknown.isEmpty {
            let known = SubscriberCSVColumn.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(
                FieldProblemText("header: unknown column(s) \(unknown.joined(separator: ", ")); known columns: \(known)"))
        }
        let missing = SubscriberCSVColumn.required.filter { !columns.contains($0) }
        if !missing.isEmpty {
            return .failure(FieldProblemText("header: missing column(s) \(missing.map(\.rawValue).joined(separator: ", "))"))
        }
        return .success(columns)
    }

    /// One record's cells, trimmed, parsed by SwiftCSV.
    private static func parse(_ record: CSVRecords.Record, delimiter: CSVDelimiter) -> Result<[String], FieldProblemText> {
        if record.unterminated {
            return .failure(FieldProblemText("a quoted cell starting on this line is never closed (a missing '\"')"))
        }
        do {
            let csv = try EnumeratedCSV(string: record.text, delimiter: delimiter, loadColumns: false)
            return .success(csv.header.map { $0.trimmingWhitespace() })
        } catch {
            return .failure(FieldProblemText("malformed quoting: a '\"' inside a cell must be doubled and the cell quoted"))
        }
    }

    private static func fields(from row: [SubscriberCSVColumn: String]) throws(FieldProblem) -> SubscriberFields {
        var fields = SubscriberFields()
        if let cell = row[.all] {
            guard let flag = SubscriberCSVColumn.flag(fromCell: cell) else {
                throw FieldProblem("all", "\"\(TextRules.shown(cell))\" is not ja/nei (or yes/no, true/false)")
            }
            fields.all = flag
        }
        fields.id = row[.id]
        fields.kind = row[.kind].map(SubscriberCSVColumn.kind(fromCell:))
        fields.name = row[.name]
        fields.orgNumber = row[.orgNumber]
        fields.municipalityNumber = row[.municipalityNumber].map(SubscriberCSVColumn.municipalityNumber(fromCell:))
        fields.emails = row[.emails].map(SubscriberCSVColumn.list(fromCell:)) ?? []
        fields.apis = row[.apis].map(SubscriberCSVColumn.list(fromCell:)) ?? []
        fields.services = row[.services].map(SubscriberCSVColumn.list(fromCell:)) ?? []
        fields.kinds = row[.kinds].map(SubscriberCSVColumn.list(fromCell:)) ?? []
        fields.minSeverity = row[.minSeverity].map { $0.lowercased() }
        // An empty cell is "not given" (the kind's default), as for every other column.
        fields.environments = row[.environments].map {
            SubscriberCSVColumn.list(fromCell: $0).map(SubscriberCSVColumn.environment(fromCell:))
        }
        fields.actsFor = (row[.actsFor].map(SubscriberCSVColumn.list(fromCell:)) ?? []).map(
            SubscriberCSVColumn.municipalityNumber(fromCell:))
        if row[.webhookURL] != nil || row[.webhookSecretEnv] != nil || row[.webhookSecretFile] != nil {
            fields.webhook = SubscriberFields.Webhook(
                url: row[.webhookURL], secretFile: row[.webhookSecretFile], secretEnv: row[.webhookSecretEnv])
        }
        return fields
    }
}
