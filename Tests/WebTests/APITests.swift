import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@testable import Web

@Suite struct APITests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func noticesArePagedWithTheNextCursor() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let first = try await client.execute(uri: "/api/v1/notices?limit=4", method: .get)
            #expect(first.status == .ok && first.headers[.contentType] == "application/json; charset=utf-8")
            let page = try Self.object(first.text)
            let items = try #require(page["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == ["n1", "old5", "old4", "old3"])
            #expect(items[0]["first_seen"] is String && items[0]["entry_id"] as? String == "n1")
            let next = try #require(page["next"] as? String)
            let second = try Self.object(
                try await client.execute(uri: "/api/v1/notices?limit=4&before=\(next)", method: .get).text)
            #expect((second["items"] as? [[String: Any]])?.map { $0["id"] as? String } == ["old2", "old1", "probe-1"])
            #expect(second["next"] is NSNull)

            let filtered = try Self.object(try await client.execute(uri: "/api/v1/notices?kind=maintenance", method: .get).text)
            #expect((filtered["items"] as? [[String: Any]])?.map { $0["id"] as? String } == ["old3"])
        }
    }

    @Test func oneNoticeCarriesVersionsDeliveriesAndWhy() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/notices/n1", method: .get)
            #expect(response.status == .ok)
            let report = try Self.object(response.text)
            #expect((report["notice"] as? [String: Any])?["title"] as? String == WebFixture.hostileTitle)
            #expect((report["versions"] as? [Any])?.count == 2)
            #expect((report["changes"] as? [Any])?.count == 2)
            let deliveries = try #require(report["deliveries"] as? [[String: Any]])
            #expect(deliveries.count == 4)
            #expect(deliveries.contains { $0["status"] as? String == "dead" && ($0["last_error"] as? String)?.hasPrefix("550") == true })
            #expect((report["classification"] as? [String: Any])?["kind_rule"] is String)
            #expect((report["routing"] as? [[String: Any]])?.first?["note"] as? String == "2 abonnenter: api:folkeregisteret")

            let missing = try await client.execute(uri: "/api/v1/notices/nope", method: .get)
            #expect(missing.status == .notFound)
            #expect(try Self.object(missing.text)["error"] as? String == "not_found")
        }
    }

    @Test func badParametersAre400NamingTheParameter() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            for (uri, parameter) in [
                ("/api/v1/notices?limit=0", "limit"), ("/api/v1/notices?limit=abc", "limit"), ("/api/v1/notices?limit=501", "limit"),
                ("/api/v1/notices?before=%3Cscript%3E", "before"), ("/api/v1/deliveries?status=lost", "status"),
                ("/api/v1/incidents?open=maybe", "open"), ("/api/v1/notices?from=someday", "from"),
                ("/api/v1/history?before=o%3A5", "before"), ("/api/v1/deliveries?limit=-1", "limit"),
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
                let body = try Self.object(response.text)
                #expect(body["error"] as? String == "bad_parameter", "\(uri)")
                #expect(body["parameter"] as? String == parameter, "\(uri)")
                #expect((body["problem"] as? String)?.isEmpty == false, "\(uri)")
            }
        }
    }

    @Test func historyIsPagedByChangeID() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let first = try Self.object(try await client.execute(uri: "/api/v1/history?limit=3", method: .get).text)
            let ids = try #require((first["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int })
            #expect(ids.count == 3)
            let next = try #require(first["next"] as? String)
            let second = try Self.object(try await client.execute(uri: "/api/v1/history?limit=3&before=\(next)", method: .get).text)
            let more = try #require((second["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int })
            #expect(!more.isEmpty && Set(more).isDisjoint(with: ids))
            // Pages of 2 walk the whole history once, in the order of one big page.
            let all = try Self.object(try await client.execute(uri: "/api/v1/history?limit=500", method: .get).text)
            let expected = try #require((all["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int })
            var walked: [Int] = []
            var cursor: String? = nil
            repeat {
                let uri = "/api/v1/history?limit=2" + (cursor.map { "&before=\($0)" } ?? "")
                let page = try Self.object(try await client.execute(uri: uri, method: .get).text)
                walked += (page["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } ?? []
                cursor = page["next"] as? String
            } while cursor != nil && walked.count <= expected.count
            #expect(walked == expected && expected.count > 3)
        }
    }

    @Test func subscribersNeverCarryASecret() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let text = try await client.execute(uri: "/api/v1/subscribers", method: .get).text
            #expect(!text.contains("oslo-hemmelighet"))
            let items = try #require(try Self.object(text)["items"] as? [[String: Any]])
            #expect(items.compactMap { ($0["subscriber"] as? [String: Any])?["id"] as? String }.sorted() == ["bergen", "oslo"])
            #expect(items.contains { ($0["last_delivery"] as? [String: Any])?["subscriber_id"] as? String == "oslo" })
        }
    }

    @Test func theOpenAPIDocumentIsServedAsWritten() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        let written = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/openapi.yaml", method: .get)
            #expect(response.status == .ok && response.text == written)
        }
    }
}
