import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

@Suite struct SecurityAuthTests {
    @Test func aPageWithoutASessionRedirectsToTheLoginForm() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let response = try await client.execute(uri: "/test-page?x=1", method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login?next=%2Ftest-page%3Fx%3D1")
        }
    }

    @Test func aWrongPasswordIsRefusedAndTheRightOneOpensThePage() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let wrong = try await logIn(client, password: "feil")
            #expect(wrong.response.status == .unauthorized)
            #expect(wrong.session == nil)
            #expect(wrong.response.text.contains("Feil brukernavn eller passord."))

            let right = try await logIn(client)
            #expect(right.response.status == .seeOther)
            #expect(right.response.headers[.location] == "/")
            let session = try #require(right.session)
            let page = try await client.execute(uri: "/test-page", method: .get, headers: [.cookie: session])
            #expect(page.status == .ok)
            #expect(page.text.hasPrefix("user=kari method=session csrf="))
            let forged = try await client.execute(
                uri: "/test-page", method: .get, headers: [.cookie: "\(WebSecurity.sessionCookie)=\(String(repeating: "0", count: 64))"])
            #expect(forged.status == .seeOther)
        }
    }

    @Test func theLoginFormIsNorwegianAndEscapesWhatItEchoes() async throws {
        let html = LoginPage.render(csrf: "abc", next: "/x\"><script>", username: "<b>ola</b>", error: "Feil")
        #expect(html.contains("Logg inn") && html.contains("Brukernavn") && html.contains("Passord"))
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("&lt;b&gt;ola&lt;/b&gt;"))
        #expect(!html.contains("style=") && !html.contains("<script"))
    }

    @Test func theSessionCookieIsHttpOnlyStrictAtTheRootAndSecureWhenConfigured() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        for secure in [false, true] {
            try await testApplication(fixture.deps, TestCredentials.settings(secureCookie: secure)).test(.router) { client in
                let login = try await logIn(client)
                let cookie = try #require(login.response.setCookie(WebSecurity.sessionCookie))
                let attributes = Set(cookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
                #expect(attributes.contains("HttpOnly"))
                #expect(attributes.contains("SameSite=Strict"))
                #expect(attributes.contains("Path=/"))
                #expect(attributes.contains("Secure") == secure)
                let value = try #require(login.response.cookieValue(WebSecurity.sessionCookie))
                #expect(value.count == 64)
            }
        }
    }

    @Test func theAPINeedsARightBearerToken() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let none = try await client.execute(uri: "/api/v1/test", method: .get)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(none.text.contains("\"error\""))
            let wrong = try await client.execute(
                uri: "/api/v1/test", method: .get, headers: [.authorization: "Bearer not-the-token"])
            #expect(wrong.status == .unauthorized)
            let right = try await client.execute(
                uri: "/api/v1/test", method: .get, headers: [.authorization: "Bearer \(TestCredentials.token)"])
            #expect(right.status == .ok)
            #expect(right.text == "api user=prometheus")
        }
    }

    @Test func metricsNeedARightBearerToken() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let response1 = try await client.execute(uri: "/metrics", method: .get)
            #expect(response1.status == .unauthorized)
            let wrong = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer nope"])
            #expect(wrong.status == .unauthorized)
            let right = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(TestCredentials.token)"])
            #expect(right.status == .ok)
        }
    }

    @Test func withoutCredentialsEveryoneIsLocal() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let settings = TestCredentials.settings(users: [], tokens: [])
        try await testApplication(fixture.deps, settings).test(.router) { client in
            let page = try await client.execute(uri: "/test-page", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.hasPrefix("user=local method=none csrf="))
            // A session is made on the spot, so forms have a CSRF token to send.
            #expect(page.setCookie(WebSecurity.sessionCookie) != nil)
            let response2 = try await client.execute(uri: "/api/v1/test", method: .get)
            #expect(response2.text == "api user=local")
            let response3 = try await client.execute(uri: "/metrics", method: .get)
            #expect(response3.status == .ok)
            let response4 = try await client.execute(uri: "/login", method: .get)
            #expect(response4.status == .seeOther)
        }
    }

    @Test func healthAndReadinessAreOpen() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let response5 = try await client.execute(uri: "/healthz", method: .get)
            #expect(response5.status == .ok)
            let response6 = try await client.execute(uri: "/readyz", method: .get)
            #expect(response6.status == .ok)
        }
    }

    @Test func anUnknownUserCostsOnePasswordCheckLikeAKnownOne() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let counter = CountingVerifier()
        try await testApplication(fixture.deps, TestCredentials.settings(verifier: counter.verifier)).test(.router) { client in
            let unknown = try await logIn(client, password: "x", user: "finnes-ikke")
            #expect(unknown.response.status == .unauthorized)
            #expect(counter.count == 1)
            _ = try await logIn(client, password: "x")
            #expect(counter.count == 2)
        }
    }

    @Test func logoutEndsTheSession() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.router) { client in
            let sessionValue = try await logIn(client).session
            let session = try #require(sessionValue)
            let page = try await client.execute(uri: "/test-page", method: .get, headers: [.cookie: session])
            let csrf = String(try #require(page.text.split(separator: "csrf=").last))
            var headers = formHeaders
            headers[.cookie] = session
            let logout = try await client.execute(uri: "/logout", method: .post, headers: headers, body: form([("csrf", csrf)]))
            #expect(logout.status == .seeOther)
            #expect(logout.headers[.location] == "/login")
            let response7 = try await client.execute(uri: "/test-page", method: .get, headers: [.cookie: session])
            #expect(response7.status == .seeOther)
        }
    }

    @Test func aLoginRedirectsOnlyWithinTheSite() {
        #expect(LoginRoutes.safeNext("/notices?api=x") == "/notices?api=x")
        #expect(LoginRoutes.safeNext("//evil.example/") == nil)
        #expect(LoginRoutes.safeNext("https://evil.example/") == nil)
        #expect(LoginRoutes.safeNext("/\\evil.example") == nil)
        #expect(LoginRoutes.safeNext("/login") == nil)
    }
}
