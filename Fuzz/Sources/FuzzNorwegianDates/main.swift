import Classify
import Foundation

/// Any text → the Norwegian date and maintenance-window reader. NUL bytes split the input into
/// several texts (title, summary, body), as a notice has them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNorwegianDates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let texts = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    let published = Date(timeIntervalSince1970: 1_705_917_600)  // 2024-01-22 10:00 UTC
    _ = NorwegianDateParser().windows(in: texts, published: published)
    _ = NorwegianDateParser().window(in: texts, published: nil)
    return 0
}
