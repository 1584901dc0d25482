import Foundation

/// A minimal reader of the messages the composer writes, independent of its code: unfolds
/// headers, decodes RFC 2047 B/Q encoded-words, splits a multipart body on its boundary and
/// decodes quoted-printable. Enough to prove what a mail client would show.
public struct MailReader {
    public var rawHeaders: [(name: String, value: String)] = []
    public var parts: [(headers: [String: String], body: String)] = []
    public let lines: [String]

    public init(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        lines = text.components(separatedBy: "\r\n")
        var index = 0
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if line.first == " " || line.first == "\t", !rawHeaders.isEmpty {
                rawHeaders[rawHeaders.count - 1].value += line  // unfold: drop the CRLF only
            } else if let colon = line.firstIndex(of: ":") {
                rawHeaders.append((String(line[..<colon]), String(line[line.index(after: colon)...].drop(while: { $0 == " " }))))
            }
            index += 1
        }
        let body = lines[(index + 1)...].joined(separator: "\r\n")
        if let boundary = Self.boundary(of: rawHeaders.first(where: { $0.name.lowercased() == "content-type" })?.value ?? "") {
            for chunk in body.components(separatedBy: "--\(boundary)").dropFirst() {
                if chunk.hasPrefix("--") { break }
                let partLines = chunk.components(separatedBy: "\r\n").dropFirst()  // the rest of the boundary line
                var headers: [String: String] = [:]
                var iterator = partLines.makeIterator()
                while let line = iterator.next(), !line.isEmpty {
                    if let colon = line.firstIndex(of: ":") {
                        headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...].drop(while: { $0 == " " }))
                    }
                }
                var rest: [String] = []
                while let line = iterator.next() { rest.append(line) }
                // The CRLF before the next boundary belongs to the boundary.
                if rest.last == "" { rest.removeLast() }
                let raw = rest.joined(separator: "\r\n")
                let decoded = headers["content-transfer-encoding"]?.lowercased() == "quoted-printable" ? Self.quotedPrintable(raw) : raw
                parts.append((headers, decoded))
            }
        }
    }

    /// The first header with this name, unfolded, encoded-words decoded.
    public func header(_ name: String) -> String? {
        rawHeaders.first(where: { $0.name.lowercased() == name.lowercased() }).map { Self.decodeWords($0.value) }
    }

    /// The raw (still encoded) header value, unfolded.
    public func rawHeader(_ name: String) -> String? {
        rawHeaders.first(where: { $0.name.lowercased() == name.lowercased() })?.value
    }

    public func part(_ type: String) -> String? {
        parts.first(where: { $0.headers["content-type"]?.hasPrefix(type) == true })?.body
    }

    public static func boundary(of contentType: String) -> String? {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        var value = contentType[range.upperBound...]
        if value.first == "\"" {
            value = value.dropFirst()
            return String(value.prefix(while: { $0 != "\"" }))
        }
        return String(value.prefix(while: { $0 != ";" && $0 != " " }))
    }

    /// RFC 2047: `=?charset?B|Q?text?=` words; whitespace between adjacent words is dropped.
    public static func decodeWords(_ value: String) -> String {
        var output = ""
        var rest = Substring(value)
        var lastWasWord = false
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let word = parseWord(rest) {
                output += word.text
                rest = rest[word.end...]
                lastWasWord = true
                continue
            }
            // Whitespace between two encoded-words is not part of the text.
            let spaces = rest.prefix(while: { $0 == " " || $0 == "\t" })
            if !spaces.isEmpty {
                let after = rest.dropFirst(spaces.count)
                if lastWasWord, after.hasPrefix("=?"), parseWord(after) != nil {
                    rest = after
                    continue
                }
                output += spaces
                rest = after
                lastWasWord = false
                continue
            }
            output.append(rest.removeFirst())
            lastWasWord = false
        }
        return output
    }

    private static func parseWord(_ text: Substring) -> (text: String, end: Substring.Index)? {
        let fields = text.dropFirst(2)
        guard let q1 = fields.firstIndex(of: "?") else { return nil }
        let charset = fields[..<q1].lowercased()
        let afterCharset = fields[fields.index(after: q1)...]
        guard let q2 = afterCharset.firstIndex(of: "?") else { return nil }
        let encoding = afterCharset[..<q2].uppercased()
        let payloadStart = afterCharset.index(after: q2)
        guard let end = afterCharset[payloadStart...].range(of: "?=") else { return nil }
        let payload = String(afterCharset[payloadStart..<end.lowerBound])
        guard charset == "utf-8" else { return nil }
        let bytes: [UInt8]
        if encoding == "B" {
            guard let data = Data(base64Encoded: payload) else { return nil }
            bytes = [UInt8](data)
        } else if encoding == "Q" {
            bytes = Array(quotedPrintable(payload.replacingOccurrences(of: "_", with: " ")).utf8)
        } else {
            return nil
        }
        return (String(decoding: bytes, as: UTF8.self), end.upperBound)
    }

    /// Quoted-printable: `=XX` is a byte, `=` at a line end is a soft break, CRLF a line break.
    public static func quotedPrintable(_ text: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: b - 0x30
            case 0x41...0x46: b - 0x41 + 10
            case 0x61...0x66: b - 0x61 + 10
            default: nil
            }
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "=") {
                if i + 2 < bytes.count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A {
                    i += 3
                    continue
                }
                if i + 2 < bytes.count, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }
}
