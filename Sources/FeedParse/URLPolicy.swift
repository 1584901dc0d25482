/// Which link targets may appear in sanitized HTML: absolute `http`, `https` and `mailto` only.
///
/// Everything else is refused: `javascript:` and `data:` (script and content injection),
/// and relative links (they would resolve against the mail client or our own page, not the
/// feed's site). The check runs on the entity-decoded value with tabs and newlines already
/// removed (the caller does that while decoding) and control characters and spaces trimmed, the
/// way browsers read it, so `jav&#x09;ascript:` or `&#106;avascript:` cannot slip through.
enum URLPolicy {
    /// The trimmed URL if allowed, else nil.
    static func allowed(_ url: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var start = 0
        var end = url.count
        while start < end, url[start] <= 0x20 { start += 1 }
        while end > start, url[end - 1] <= 0x20 { end -= 1 }
        var colon = start
        while colon < end, url[colon] != 0x3A {
            let b = url[colon] | 0x20
            let isSchemeByte =
                (b >= 0x61 && b <= 0x7A) || (url[colon] >= 0x30 && url[colon] <= 0x39)
                || url[colon] == 0x2B || url[colon] == 0x2D || url[colon] == 0x2E
            guard isSchemeByte else { return nil }
            colon += 1
        }
        guard colon < end - 1 else { return nil }
        let length = colon - start
        func scheme(_ name: StaticString) -> Bool {
            guard length == name.utf8CodeUnitCount else { return false }
            for offset in 0..<length where url[start + offset] | 0x20 != name.utf8Start[offset] { return false }
            return true
        }
        guard scheme("http") || scheme("https") || scheme("mailto") else { return nil }
        return UnsafeBufferPointer(rebasing: url[start..<end])
    }
}
