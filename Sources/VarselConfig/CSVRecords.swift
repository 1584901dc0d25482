/// Splits CSV text into records (rows), each with the 1-based line it starts on.
///
/// SwiftCSV parses fields well but reports no positions, and a quoted field may span lines
/// ("Oslo kommune\nEtat for ..."), so "row 7" is not "line 7". This splitter only finds where
/// each record begins and ends, following quotes exactly as SwiftCSV does (a `"` toggles quoting;
/// `""` inside quotes toggles twice); SwiftCSV then parses each record's fields. That also keeps
/// one malformed row from failing the whole file.
///
/// Records end at any newline character outside quotes (as SwiftCSV's rows do); lines are
/// counted as editors count them: "\n", "\r\n" and "\r" each end one.
struct CSVRecords {
    struct Record: Hashable {
        /// The 1-based line the record starts on.
        var line: Int
        /// The record's raw text, quotes included, without its line break.
        var text: String
        /// The file ended inside a quoted field that began in this record.
        var unterminated: Bool
    }

    static func split(_ text: String) -> [Record] {
        var records: [Record] = []
        var current = ""
        var line = 1
        var start = 1
        var inQuotes = false
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            let breaksLine = character == "\n" || character == "\r\n" || character == "\r"
            if character.isNewline && !inQuotes {
                records.append(Record(line: start, text: current, unterminated: false))
                current = ""
                if breaksLine { line += 1 }
                start = line
                continue
            }
            current.append(character)
            if breaksLine { line += 1 }
        }
        if !current.isEmpty { records.append(Record(line: start, text: current, unterminated: inQuotes)) }
        return records
    }

    /// The delimiter of a spreadsheet export, judged from its header record: Norwegian Excel
    /// writes ';' (',' is the decimal separator), most other tools ','; a tab also counts.
    static func delimiter(ofHeader header: String) -> Character {
        var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0]
        var inQuotes = false
        for character in header {
            if character == "\"" { inQuotes.toggle() }
            if !inQuotes, let count = counts[character] { counts[character] = count + 1 }
        }
        let best = counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }
        return best.map { $0.value > 0 ? $0.key : "," } ?? ","
    }
}
