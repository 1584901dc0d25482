import VarselConfig

/// The catalog imported rows are checked against: the one built into the binary.
let catalog = try! ConfigLoader.loadBuiltInCatalog()

/// Any text → the subscriber CSV import: rows and problems, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSubscriberCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = SubscriberCSV.convert(text: text, file: "subscribers.csv", catalog: catalog)
    return 0
}
