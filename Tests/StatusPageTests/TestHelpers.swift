import Foundation
import StatusPage
import TestSupport
import VarselModel

/// Shared by the StatusPage tests: decoding a capture and reading a date.
enum Load {
    static let decoder = StatusPageDecoder()

    static func capture(_ name: String, _ endpoint: StatusPageEndpoint) throws -> StatusPageDocument {
        try decoder.decode(try Fixtures.statuspageData(name), endpoint: endpoint, source: name)
    }

    static func json(_ text: String, _ endpoint: StatusPageEndpoint, source: String = "test.json") throws
        -> StatusPageDocument
    {
        try decoder.decode(Data(text.utf8), endpoint: endpoint, source: source)
    }

    /// The error a body gives, or nil if it decoded.
    static func error(_ text: String, _ endpoint: StatusPageEndpoint, source: String) -> StatusPageError? {
        do {
            _ = try decoder.decode(Data(text.utf8), endpoint: endpoint, source: source)
            return nil
        } catch {
            return error
        }
    }
}

/// An ISO 8601 literal as a Date (test-side, via Foundation's own parser).
func iso(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!
}

/// Within a millisecond: fractional seconds go through binary floating point.
func near(_ a: Date?, _ b: Date) -> Bool {
    guard let a else { return false }
    return abs(a.timeIntervalSince(b)) < 0.001
}
