import Foundation

extension StringProtocol {
    /// Whitespace and newlines trimmed from both ends, without Foundation's CharacterSet walk when
    /// there is nothing to trim: nearly every field of a Statuspage document is already clean,
    /// and `trimmingCharacters(in:)` was a fifth of a changed poll's time (bench statuspage-poll).
    var trimmed: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        let properties = (first.properties.isWhitespace, last.properties.isWhitespace)
        if !properties.0 && !properties.1 { return String(self) }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
