import Curl
import Delivery
import Foundation
import NoticeStore
import TestSupport
import VarselApp
import VarselModel

/// A real SMTP server and a real webhook receiver (with a client to read its log) around a
/// sandbox whose subscribers are given the receiver, and whose `[email]` names the SMTP server.
struct DeliveryRig {
    let smtp: LocalSMTPServer
    let receiver: LocalHTTPServer
    let client: CurlClient
    let sandbox: Sandbox

    init(subscribers: (LocalHTTPServer) -> String) throws {
        smtp = try LocalSMTPServer()
        receiver = try LocalHTTPServer()
        client = CurlClient()
        sandbox = try Sandbox(
            subscribers: subscribers(receiver),
            extraConfig: """
                [email]
                url = "\(smtp.url)"
                security = "none"
                from = "varselvakt@ks.example"
                from_name = "KS varselvakt"
                """)
    }

    func stop() {
        sandbox.remove()
        client.shutdown()
        receiver.stop()
        smtp.stop()
    }
}

extension Sandbox {
    /// Polls the baseline snapshot (which alerts no one), then `change` (by default the real
    /// feed that adds one notice), then delivers everything queued.
    func alertAndDeliver(_ change: URL = Fixtures.folkeregisteret("2026-07-07-1158")) async throws -> [DeliveryRecord] {
        try await queueAlerts(change)
        return try await deliverAll()
    }

    /// Polls the baseline snapshot, then `change`: its alerts wait in the outbox, nothing is sent.
    func queueAlerts(_ change: URL = Fixtures.folkeregisteret("2026-07-07-1158")) async throws {
        try serve(Fixtures.folkeregisteret("2026-07-03"))
        _ = try await poll()
        try serve(change)
        _ = try await poll()
    }

    /// Runs the outbox worker until no row waits (or 30 s pass).
    func deliverAll() async throws -> [DeliveryRecord] {
        let worker = runtime.alerting.worker
        let task = Task { await worker.run() }
        defer { task.cancel() }
        let deadline = Date().addingTimeInterval(30)
        var rows = try await runtime.store.deliveries()
        while rows.contains(where: { $0.status == .pending || $0.status == .failed }) && Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
            rows = try await runtime.store.deliveries()
        }
        task.cancel()
        await task.value
        return rows
    }
}
