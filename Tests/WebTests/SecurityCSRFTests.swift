import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

@Suite struct SecurityCSRFTests {
    /// Logs in and returns the session cookie and the page's CSRF token.
    func session(_ client: some TestClientProtocol) async throws -> (cookie: String, csrf: String) {
        let cookieValue = try await logIn(client).session
        let cookie = try #require(cookieValue)
        let page = try await client.execute(uri: "/test-page", method: .get, headers: [.cookie: cookie])
        return (cookie, String(try #require(page.text.split(separator: "csrf=").last)))
    }

    @Test func aPostWithoutTheTokenIsRefused() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let session = try await session(client)
            var headers = formHeaders
            headers[.cookie] = session.cookie
            let missing = try await client.execute(uri: "/test-form", method: .post, headers: headers, body: form([("a", "1")]))
            #expect(missing.status == .forbidden)
            let wrong = try await client.execute(
                uri: "/test-form", method: .post, headers: headers, body: form([("csrf", String(repeating: "a", count: 64))]))
            #expect(wrong.status == .forbidden)
        }
    }

    @Test func aPostWithTheSessionsTokenIsAcceptedAndItsBodyStillReadable() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let session = try await session(client)
            var headers = formHeaders
            headers[.cookie] = session.cookie
            let response = try await client.execute(
                uri: "/test-form", method: .post, headers: headers, body: form([("csrf", session.csrf), ("a", "1")]))
            #expect(response.status == .ok)
            #expect(response.text == "posted by kari: csrf=\(session.csrf)&a=1")
        }
    }

    @Test func withoutCredentialsAPostStillNeedsTheToken() async throws {
        // On loopback without login, another site's page in the operator's browser could post
        // to 127.0.0.1: it gets a fresh session and cannot know its token.
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings(users: [], tokens: [])).test(.router) { client in
            let forged = try await client.execute(uri: "/test-form", method: .post, headers: formHeaders, body: form([("a", "1")]))
            #expect(forged.status == .forbidden)
            let page = try await client.execute(uri: "/test-page", method: .get)
            let cookie = try #require(page.cookieValue(WebSecurity.sessionCookie))
            let csrf = String(try #require(page.text.split(separator: "csrf=").last))
            var headers = formHeaders
            headers[.cookie] = "\(WebSecurity.sessionCookie)=\(cookie)"
            let posted = try await client.execute(uri: "/test-form", method: .post, headers: headers, body: form([("csrf", csrf)]))
            #expect(posted.status == .ok)
        }
    }

    @Test func theLoginFormRefusesAPostWithoutItsDoubleSubmitToken() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let counter = CountingVerifier()
        try await testApplication(fixture.deps, TestCredentials.settings(verifier: counter.verifier)).test(.router) { client in
            let body = form([("csrf", "abc"), ("username", "kari"), ("password", TestCredentials.password)])
            let noCookie = try await client.execute(uri: "/login", method: .post, headers: formHeaders, body: body)
            #expect(noCookie.status == .forbidden)
            var headers = formHeaders
            headers[.cookie] = "\(WebSecurity.loginCSRFCookie)=def"
            let mismatch = try await client.execute(uri: "/login", method: .post, headers: headers, body: body)
            #expect(mismatch.status == .forbidden)
            #expect(counter.count == 0)
        }
    }
}
