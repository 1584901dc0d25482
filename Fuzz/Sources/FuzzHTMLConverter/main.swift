import FeedParse

/// Any bytes (read as UTF-8, repaired) → the entry-HTML converter, both as an entry body and as
/// a one-line title: text and sanitized HTML, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTMLConverter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let html = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let converted = HTMLText(html: html)
    _ = HTMLText.singleLine(html: html)
    // Idempotence of the sanitizer: its own output must pass through unchanged in meaning.
    precondition(HTMLText(html: converted.html).text == converted.text, "sanitized HTML reads differently: \(html)")
    return 0
}
