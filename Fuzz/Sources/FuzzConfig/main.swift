import Foundation
import VarselConfig

/// Relative paths in a fuzzed config resolve here: a directory with nothing in it.
let emptyDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-fuzz-config").path

/// Any text → the TOML config loader: a config or a `ConfigError`, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ConfigLoader.load(text: text, file: "fuzz.toml", baseDirectory: emptyDirectory, environment: [:])
    return 0
}
