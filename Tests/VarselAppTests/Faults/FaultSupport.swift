import Curl
import Delivery
import Foundation
import Logging
import NoticeStore
import TestSupport
import VarselApp
import VarselModel

#if canImport(Glibc)
    import Glibc
#endif

/// A port on 127.0.0.1 where nothing listens (bound, read and closed again): a relay that is down.
func unusedLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EMFILE) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
        }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Reads the store's outbox until `done` holds (or `seconds` of real time pass); returns the rows.
func waitForRows(
    _ read: () async throws -> [DeliveryRecord], within seconds: Double = 60, until done: ([DeliveryRecord]) -> Bool
) async throws -> [DeliveryRecord] {
    let deadline = ContinuousClock.now + .seconds(seconds)
    var rows = try await read()
    while !done(rows) && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(20))
        rows = try await read()
    }
    return rows
}

extension Sandbox {
    /// A second outbox worker over this sandbox's config and store (the runtime's own is never
    /// started), whose wall clock is `clock`, sending through `client`; it logs nothing.
    func worker(clock: SimulatedClock, client: CurlClient) throws -> OutboxWorker {
        var logger = Logger(label: "faults")
        logger.logLevel = .critical
        return try Alerting(config: config, store: runtime.store, client: client, logger: logger, now: clock.reading).worker
    }
}

/// One `[[subscriber]]` (a vendor, on the feed's API) with only a webhook, as subscribers.toml has it.
func webhookSubscriber(_ id: String, name: String, orgNumber: String, url: String) -> String {
    ["[[subscriber]]", "id = \"\(id)\"", "kind = \"vendor\"", "name = \"\(name)\"", "org_number = \"\(orgNumber)\"",
     "apis = [\"folkeregisteret\"]", "[subscriber.webhook]", "url = \"\(url)\"", "secret = \"secret-\(id)\"", "", ""]
        .joined(separator: "\n")
}
