import FeedParse
import HTMLReference

/// The differential properties of Tests/FeedParseTests/HTMLConverterDifferentialTests.swift on
/// any input: (a) libxml2 finds nothing outside the allow-list in the sanitized HTML, and (b)
/// where libxml2 reads the input without a single error, its text equals the converter's.
/// (b) is skipped for markup libxml2 had to repair (libxml2 repairs the HTML 4 way and the
/// converter the HTML5 way, and on broken markup they may both be right), and for input with a
/// `<`, `</` or `<!` that starts no tag or comment. libxml2 2.9.14 reads those without reporting
/// an error, and not as browsers do: it drops a `<` that starts no tag (browsers show it) and
/// shows the text after `</` + a non-letter or `<!` + not `--` (browsers read both as a comment
/// up to `>`); the converter follows the browsers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTMLAgainstLibXML2(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let html = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let converted = HTMLText(html: html)
    let problems = SanitizedHTMLAudit.violations(in: converted.html)
    if !problems.isEmpty { fatalError("unsafe sanitized HTML \(problems) for input \(html.debugDescription)") }
    let reference = ReferenceText.reading(html: html)
    let text = ReferenceText.normalised(converted.text)
    if reference.isClean, everyLessThanStartsMarkup(data, size), text != reference.text {
        fatalError("text differs: converter \(text.debugDescription), libxml2 \(reference.text.debugDescription)")
    }
    return 0
}

/// Whether every `<` is followed by a letter, `!--` or `/` + letter (a tag, comment or end tag).
func everyLessThanStartsMarkup(_ data: UnsafePointer<UInt8>, _ size: Int) -> Bool {
    func isLetter(_ i: Int) -> Bool { i < size && data[i] | 0x20 >= 0x61 && data[i] | 0x20 <= 0x7A }
    for i in 0..<size where data[i] == UInt8(ascii: "<") {
        guard isLetter(i + 1) || (i + 3 < size && data[i + 1] == UInt8(ascii: "!") && data[i + 2] == 0x2D && data[i + 3] == 0x2D)
            || (i + 1 < size && data[i + 1] == UInt8(ascii: "/") && isLetter(i + 2))
        else { return false }
    }
    return true
}
