import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

@Suite struct SecurityHeadersTests {
    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let responses = [
                try await client.execute(uri: "/healthz", method: .get),  // 200
                try await client.execute(uri: "/login", method: .get),  // the form
                try await client.execute(uri: "/test-page", method: .get),  // 303 to /login
                try await client.execute(uri: "/api/v1/test", method: .get),  // 401 JSON
                try await client.execute(uri: "/api/v1/missing", method: .get, headers: [.authorization: "Bearer \(TestCredentials.token)"]),  // 404
            ]
            #expect(responses.map(\.status.code) == [200, 200, 303, 401, 404])
            for response in responses {
                let csp = try #require(response.headers[.contentSecurityPolicy])
                #expect(
                    csp
                        == "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
                )
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
    }
}
