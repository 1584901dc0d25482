import Curl
import Foundation
import NoticeStore
import Testing
import TestSupport
import VarselModel

#if canImport(Glibc)
    import Glibc
#endif

/// A daemon installation in a temp dir: config, subscribers with webhooks to a local receiver,
/// a feed file the test swaps, the store.
struct DaemonSandbox {
    let directory: URL
    let feedFile: URL
    let config: URL
    let storePath: String

    init(subscribers: Int, hookURL: (Int) -> String, perHost: Int) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("varselvakt-daemon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        feedFile = directory.appendingPathComponent("feed.xml")
        config = directory.appendingPathComponent("varselvakt.toml")
        storePath = directory.appendingPathComponent("state.sqlite").path
        var toml = ""
        for i in 0..<subscribers {
            toml += """
                [[subscriber]]
                id = "s\(i)"
                kind = "vendor"
                name = "Leverandør \(i)"
                org_number = "\(OrgNumbers.valid(i))"
                apis = ["folkeregisteret"]
                [subscriber.webhook]
                url = "\(hookURL(i))"
                secret = "secret-\(i)"


                """
        }
        try toml.write(to: directory.appendingPathComponent("subscribers.toml"), atomically: true, encoding: .utf8)
        try """
            [store]
            path = "state.sqlite"
            [catalog]
            path = "\(Fixtures.catalog.path)"
            [subscribers]
            path = "subscribers.toml"
            [log]
            level = "info"
            [probes]
            enabled = false
            [poll]
            interval = "1s"
            [delivery]
            templates = "\(Fixtures.root.appendingPathComponent("templates").path)"
            per_host_concurrency = \(perHost)
            allow_private_webhooks = ["127.0.0.1/32"]
            retry_initial = "1s"
            retry_max = "2s"
            [[feeds]]
            name = "folkeregisteret"
            path = "feed.xml"
            apis = ["folkeregisteret"]
            """.write(to: config, atomically: true, encoding: .utf8)
    }

    /// Puts a snapshot in place under a new inode and mtime, as a deploy would.
    func serve(_ snapshot: URL) throws {
        let temp = directory.appendingPathComponent("incoming.xml")
        try? FileManager.default.removeItem(at: temp)
        try FileManager.default.copyItem(at: snapshot, to: temp)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(.random(in: 1...1000))], ofItemAtPath: temp.path)
        // rename(2): atomic, as a deploy that writes a new file and renames it would.
        guard rename(temp.path, feedFile.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: feedFile.path])
        }
    }

    func start() throws -> DaemonProcess {
        try DaemonProcess(config: config, log: directory.appendingPathComponent("daemon.log"))
    }

    func deliveries() async throws -> [DeliveryRecord] {
        guard FileManager.default.fileExists(atPath: storePath) else { return [] }
        return try await NoticeStore(path: storePath, readOnly: true).deliveries()
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Valid Norwegian organisation numbers (mod-11) for generated subscribers.
enum OrgNumbers {
    static func valid(_ i: Int) -> String {
        var base = 91_000_000 + i
        while true {
            let digits = String(base).compactMap { $0.wholeNumberValue }
            let rest = zip(digits, [3, 2, 7, 6, 5, 4, 3, 2]).map(*).reduce(0, +) % 11
            let check = rest == 0 ? 0 : 11 - rest
            if check != 10 { return "\(base)\(check)" }
            base += 1_000_000
        }
    }
}

@Suite(.serialized) struct CrashSafetyTests {
    /// The issue's crash test: kill -9 in the middle of a 500-subscriber fan-out, restart, and
    /// every subscriber ends up with the alert; a duplicate carries the same idempotency key.
    @Test func killedMidFanOutEverySubscriberStillGetsTheAlertOnce() async throws {
        let receiver = try LocalHTTPServer()
        let client = CurlClient()
        defer {
            client.shutdown()
            receiver.stop()
        }
        let count = 500
        let sandbox = try DaemonSandbox(
            subscribers: count, hookURL: { receiver.url("/hook?id=s\($0)&ms=15") }, perHost: 4)
        defer { sandbox.remove() }
        try sandbox.serve(Fixtures.folkeregisteret("2026-07-03"))

        let first = try sandbox.start()
        // Baseline poll stored (no alerts), then the next real build: one new notice.
        let baselined = await eventually(within: 60) { FileManager.default.fileExists(atPath: sandbox.storePath) }
        #expect(baselined)
        try await Task.sleep(for: .seconds(1.5))
        try sandbox.serve(Fixtures.folkeregisteret("2026-07-07-1158"))
        let midway = try await eventually(within: 60) { try await receiver.hookCount(client: client).total >= 60 }
        first.kill9()
        #expect(midway, "the fan-out never started: \(first.logText.suffix(2000))")
        let sentBeforeCrash = try await sandbox.deliveries().filter { $0.status == .sent }.count
        #expect(sentBeforeCrash < count, "the fan-out finished before the kill, so the test proved nothing")
        #expect(try await sandbox.deliveries().count == count)

        let second = try sandbox.start()
        let allSent = try await eventually(within: 90) {
            try await sandbox.deliveries().allSatisfy { $0.status == .sent }
        }
        #expect(second.terminate() == 0)
        #expect(allSent, "not every row was sent after the restart: \(second.logText.suffix(2000))")

        var duplicates = 0
        for i in 0..<count {
            let requests = try await receiver.hookLog(id: "s\(i)", client: client)
            #expect(!requests.isEmpty, "subscriber s\(i) never got the alert")
            let keys = Set(requests.compactMap { $0.header("Varselvakt-Idempotency-Key") })
            #expect(keys.count == 1, "subscriber s\(i) got different idempotency keys: \(keys)")
            duplicates += requests.count - 1
        }
        // At most the sends in flight at the kill (4 per host) plus unflushed results come twice.
        #expect(duplicates <= 200)
    }
}
