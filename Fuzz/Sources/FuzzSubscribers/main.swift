import Foundation
import VarselConfig

/// The catalog subscribers are checked against: the one built into the binary.
let catalog = try! ConfigLoader.loadBuiltInCatalog()
/// Relative `secret_file` paths resolve here: a directory with nothing in it.
let emptyDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-fuzz-subscribers").path

/// Any text → the subscribers file loader: subscribers or a `ConfigError`, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSubscribers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ConfigLoader.loadSubscribers(
        text: text, file: "subscribers.toml", baseDirectory: emptyDirectory, catalog: catalog, environment: [:])
    return 0
}
