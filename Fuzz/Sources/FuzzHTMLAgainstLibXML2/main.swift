import FeedParse
import HTMLReference

/// The differential properties of Tests/FeedParseTests/HTMLConverterDifferentialTests.swift on
/// any input: (a) libxml2 finds nothing outside the allow-list in the sanitized HTML, and (b)
/// where libxml2 reads the input without a single error, its text equals the converter's.
/// (b) is skipped for markup libxml2 had to repair: libxml2 repairs the HTML 4 way and the
/// converter the HTML5 way, and on broken markup they may both be right.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTMLAgainstLibXML2(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let html = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let converted = HTMLText(html: html)
    let problems = SanitizedHTMLAudit.violations(in: converted.html)
    if !problems.isEmpty { fatalError("unsafe sanitized HTML \(problems) for input \(html.debugDescription)") }
    let reference = ReferenceText.reading(html: html)
    let text = ReferenceText.normalised(converted.text)
    if reference.isClean, text != reference.text {
        fatalError("text differs: converter \(text.debugDescription), libxml2 \(reference.text.debugDescription)")
    }
    return 0
}
