import Foundation
import StatusPage

/// Any bytes → the Statuspage JSON decoder, as every endpoint and as a webhook body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatusPage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    let decoder = StatusPageDecoder()
    for endpoint in StatusPageEndpoint.allCases { _ = try? decoder.decode(body, endpoint: endpoint, source: "fuzz-input") }
    _ = try? decoder.webhook(body, source: "fuzz-input")
    return 0
}
