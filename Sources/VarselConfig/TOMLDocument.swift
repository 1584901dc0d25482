import Foundation
import TOMLKit

/// One parsed TOML file: TOMLKit's tree plus the line of every key, so errors can point at them.
struct TOMLDocument {
    /// The file name errors print (as the operator passed it).
    let file: String
    let root: TOMLTable
    let locator: KeyLineLocator

    /// Parses `text`; a syntax error carries the line and column toml++ reports.
    ///
    /// TOMLKit's `TOMLTable(string:)` never frees the toml++ table it allocates; loading a config
    /// leaks that tree (a few kilobytes), once per start or reload.
    static func parse(text: String, file: String) throws(ConfigError) -> TOMLDocument {
        if let (line, column) = TableNameStart.invalid(in: text) {
            throw .syntax(
                file: file, line: line, column: column,
                message: "a table name must start with an ASCII letter, digit, '-', '_' or a quote")
        }
        do {
            let root = try TOMLTable(string: text)
            return TOMLDocument(file: file, root: root, locator: KeyLineLocator(text: text))
        } catch let error as TOMLParseError {
            throw .syntax(
                file: file, line: error.source.begin.line, column: error.source.begin.column,
                message: error.description)
        } catch {
            throw .syntax(file: file, line: 0, column: 0, message: "\(error)")
        }
    }

    /// A reader over the whole document.
    func rootReader() -> TableReader {
        TableReader(table: root, path: .root, document: self)
    }

    /// Reads a UTF-8 text file, turning every way that can fail into `fileUnreadable`.
    static func readText(path: String, file: String) throws(ConfigError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileUnreadable(file: file, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw .fileUnreadable(file: file, reason: "is a directory, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .fileUnreadable(file: file, reason: "permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .fileUnreadable(file: file, reason: "not UTF-8 text")
        }
        return text
    }
}
