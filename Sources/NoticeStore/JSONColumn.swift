import Foundation
import VarselModel

/// JSON text columns (categories, apis): small string arrays, written and read whole.
enum JSONColumn {
    /// A string array, the common case, without JSONEncoder: an ingest writes two per notice
    /// and the encoder's setup cost dominated the whole store step in profiles.
    static func encode(_ strings: [String]) -> String {
        var out = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { out += "," }
            out += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
        return out + "]"
    }

    /// Maintenance windows as `[{"start":"2026-11-16 17:00:00.000","end":null}]`, dates in the
    /// store's text (`StoredDate`); by hand for the same reason as strings (almost always "[]").
    static func encode(_ windows: [MaintenanceWindow]) -> String {
        guard !windows.isEmpty else { return "[]" }
        let items = windows.map { window in
            let end = StoredDate.text(window.end).map { "\"\($0)\"" } ?? "null"
            return "{\"start\":\"\(StoredDate.text(window.start) ?? "")\",\"end\":\(end)}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    /// Reads what `encode(_: [MaintenanceWindow])` wrote; an item whose start cannot be read is
    /// left out (never a window at the wrong time), anything unreadable is none.
    static func windows(_ text: String?) -> [MaintenanceWindow] {
        guard let text, text != "[]" else { return [] }
        if let fast = fastWindows(text) { return fast }
        struct Item: Decodable {
            var start: String
            var end: String?
        }
        return decode([Item].self, text, default: []).compactMap { item in
            StoredDate.date(item.start).map { MaintenanceWindow(start: $0, end: StoredDate.date(item.end)) }
        }
    }

    /// Exactly what `encode(_: [MaintenanceWindow])` writes, without JSONDecoder (a decoder per
    /// row was a sixth of a notices page's store time); nil for anything else, which then goes
    /// to the decoder, so it is never wrong.
    private static func fastWindows(_ text: String) -> [MaintenanceWindow]? {
        var rest = Substring(text)
        guard rest.hasPrefix("[") else { return nil }
        rest = rest.dropFirst()
        var windows: [MaintenanceWindow] = []
        while true {
            guard rest.hasPrefix("{\"start\":\""), let startEnd = rest.dropFirst(10).firstIndex(of: "\"") else { return nil }
            let startText = rest[rest.index(rest.startIndex, offsetBy: 10)..<startEnd]
            rest = rest[rest.index(after: startEnd)...]
            let end: Date?
            if rest.hasPrefix(",\"end\":null}") {
                end = nil
                rest = rest.dropFirst(12)
            } else if rest.hasPrefix(",\"end\":\""), let endEnd = rest.dropFirst(8).firstIndex(of: "\"") {
                let endText = rest[rest.index(rest.startIndex, offsetBy: 8)..<endEnd]
                guard let date = StoredDate.date(String(endText)) else { return nil }
                end = date
                rest = rest[rest.index(after: endEnd)...]
                guard rest.hasPrefix("}") else { return nil }
                rest = rest.dropFirst()
            } else {
                return nil
            }
            guard let start = StoredDate.date(String(startText)) else { return nil }
            windows.append(MaintenanceWindow(start: start, end: end))
            if rest == "]" { return windows }
            guard rest.hasPrefix(",") else { return nil }
            rest = rest.dropFirst()
        }
    }

    /// Any other value (a probe state, an incident's expectation), through JSONEncoder.
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// Reads what `encode(_: [String])` wrote without JSONDecoder: a page of 50 notices reads
    /// four such columns per row, and a decoder per column was a tenth of the page's time.
    /// Anything this simple reader does not expect goes to JSONDecoder, so it is never wrong.
    static func strings(_ text: String?) -> [String] {
        guard let text else { return [] }
        if text == "[]" { return [] }
        var result: [String] = []
        var utf8 = Substring(text).utf8
        guard utf8.first == UInt8(ascii: "[") else { return decode([String].self, text, default: []) }
        utf8 = utf8.dropFirst()
        while let first = utf8.first {
            guard first == UInt8(ascii: "\"") else { return decode([String].self, text, default: []) }
            utf8 = utf8.dropFirst()
            guard let close = utf8.firstIndex(of: UInt8(ascii: "\"")) else { return decode([String].self, text, default: []) }
            let item = utf8[utf8.startIndex..<close]
            // An escape (\" \\ \n \uXXXX) is JSONDecoder's job.
            if item.contains(UInt8(ascii: "\\")) { return decode([String].self, text, default: []) }
            result.append(String(Substring(item)))
            utf8 = utf8[utf8.index(after: close)...]
            switch utf8.first {
            case UInt8(ascii: ","): utf8 = utf8.dropFirst()
            case UInt8(ascii: "]") where utf8.count == 1: return result
            default: return decode([String].self, text, default: [])
            }
        }
        return decode([String].self, text, default: [])
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?, default fallback: T) -> T {
        guard let text, let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else { return fallback }
        return value
    }
}
