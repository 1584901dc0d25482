import Foundation

/// "2023-11-16T17:00:00Z" → Date. Crashes the test on a typo rather than passing silently.
func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else { fatalError("bad test date \(text)") }
    return date
}

/// RSS pubDate "Wed, 04 Oct 2023 11:45:00 GMT" → Date.
func rfc822(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: text) else { fatalError("bad pubDate \(text)") }
    return date
}
