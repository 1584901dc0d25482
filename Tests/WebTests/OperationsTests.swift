import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NoticeStore
import Testing
import VarselModel

@testable import Web

@Suite struct OperationsTests {
    @Test func healthzAnswersOk() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == "ok\n")
        }
    }

    @Test func readyzIsReadyWhenTheStoreIsWritableAndTheDaemonReportsNothing() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let response = try await client.execute(uri: "/readyz", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == #"{"problems":[],"status":"ready"}"#)
        }
    }

    @Test func readyzIs503AndNamesWhatIsNotReady() async throws {
        let fixture = try ServerFixture(readiness: {
            ["loop poller is not running", "source skatteetaten: failing past its back-off cap (9 failures in a row)"]
        })
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let response = try await client.execute(uri: "/readyz", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let body = try JSONDecoder().decode(OperationsRoutes.Readiness.self, from: Data(response.text.utf8))
            #expect(body.status == "not_ready")
            #expect(body.problems == [
                "loop poller is not running", "source skatteetaten: failing past its back-off cap (9 failures in a row)",
            ])
        }
    }

    @Test func readyzIs503WhenTheStoreCannotBeWritten() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        var deps = fixture.deps
        deps.store = try NoticeStore(path: fixture.store.path, readOnly: true)
        try await testApplication(deps, TestCredentials.settings()).test(.router) { client in
            let response = try await client.execute(uri: "/readyz", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(response.text.contains("store not writable"))
        }
    }

    @Test func metricsShowTheOutboxSourcesAndHTTPRequests() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let success = Date(timeIntervalSince1970: 1_800_000_000)
        try await fixture.store.recordNotModified(
            feed: FeedID("skatteetaten"), url: "https://example.invalid/atom.xml", etag: nil, lastModified: nil,
            poll: PollRecord(feedID: FeedID("skatteetaten"), startedAt: success, duration: 0.1, outcome: .notModified),
            nextPollAt: nil)
        let auth: HTTPFields = [.authorization: "Bearer \(TestCredentials.token)"]
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            _ = try await client.execute(uri: "/healthz", method: .get)
            _ = try await client.execute(uri: "/no-such-page", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get, headers: auth)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let text = response.text
            for status in ["pending", "failed", "dead"] {
                #expect(text.contains("varselvakt_outbox_deliveries{status=\"\(status)\"} 0"))
            }
            #expect(!text.contains("varselvakt_outbox_deliveries{status=\"sent\"}"))
            #expect(text.contains("varselvakt_outbox_oldest_undelivered_age_seconds 0"))
            #expect(text.contains("varselvakt_source_last_success_timestamp_seconds{source=\"skatteetaten\"} 1800000000"))
            #expect(text.contains(#"varselvakt_http_requests_total{method="GET",route="/healthz",status="200"} 1"#))
            #expect(text.contains(#"route="NotFound",status="303""#))
            #expect(text.contains(#"varselvakt_http_request_duration_seconds_bucket{method="GET",route="/healthz""#))
        }
    }
}
