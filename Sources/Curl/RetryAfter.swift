public import Foundation

/// Parsing of the HTTP `Retry-After` header (RFC 9110 §10.2.3), shared by everything that talks
/// HTTP (feed polls, webhook deliveries), because a server that says "come back later" must be
/// believed the same way everywhere.
public enum RetryAfter {
    /// The delay in whole seconds a `Retry-After` value asks for, relative to `now`.
    ///
    /// Accepts delta-seconds (`"120"`) and the three HTTP-date forms (IMF-fixdate
    /// `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850, asctime). A date in the past gives 0.
    /// Returns `nil` for anything else (negative numbers, garbage): an unreadable header is
    /// treated as absent, never as "retry immediately". No upper cap here: capping is policy.
    public static func seconds(_ value: String, now: Date) -> Int? {
        // asctime pads single-digit days with a second space; collapse runs of spaces.
        let text = value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
            return Int(text) ?? Int.max  // absurdly many digits: "very long"
        }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                let delta = date.timeIntervalSince(now)
                return delta <= 0 ? 0 : Int(min(delta.rounded(.up), Double(Int.max / 2)))
            }
        }
        return nil
    }
}
