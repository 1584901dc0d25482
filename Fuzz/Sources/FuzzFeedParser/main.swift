import FeedParse

/// Any bytes → `FeedParser.parse`: a feed or a `FeedParseError`, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeedParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? FeedParser().parse(bytes, source: "fuzz-input")
    return 0
}
