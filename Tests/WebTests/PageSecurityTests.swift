import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NoticeStore
import Testing
import VarselConfig
import VarselModel

@testable import Web

/// The real pages behind the real security stack (sessions, CSRF, headers), as the daemon
/// serves them: the other page tests stand in a test identity to test the pages alone.
@Suite struct PageSecurityTests {
    /// The fixture's pages, API and operations behind `WebServer.buildRouter`'s middleware.
    func application(_ fixture: WebFixture, _ settings: WebSettings) -> some ApplicationProtocol {
        var logger = Logger(label: "webtests")
        logger.logLevel = .warning
        return WebServer.application(
            router: WebServer.buildRouter(fixture.deps, settings), listen: WebListenAddress(host: "127.0.0.1", port: 0),
            logger: logger)
    }

    @Test func sendAgainNeedsTheSessionsTokenThenQueuesTheDeliveryAndShowsWhoDidIt() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await application(fixture, TestCredentials.settings()).test(.router) { client in
            // Not logged in: the notice page sends to the login form, the API answers 401.
            let anonymous = try await client.execute(uri: noticePath("n1"), method: .get)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location]?.hasPrefix("/login") == true)
            #expect(try await client.execute(uri: "/api/v1/notices", method: .get).status == .unauthorized)

            let session = try #require(try await logIn(client).session)
            var headers = formHeaders
            headers[.cookie] = session
            let page = try await client.execute(uri: noticePath("n1"), method: .get, headers: [.cookie: session])
            #expect(page.status == .ok)
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(page.text.contains("Innlogget som kari"))
            let csrf = try #require(hiddenField("csrf", in: page.text))
            let action = "/deliveries/\(fixture.deadDeliveryID)/send-again"

            // A forged form (no token, or another one) is refused and changes nothing.
            for body in [form([("back", "/deliveries")]), form([("csrf", "forged"), ("back", "/deliveries")])] {
                let refused = try await client.execute(uri: action, method: .post, headers: headers, body: body)
                #expect(refused.status == .forbidden)
            }
            let untouched = try await fixture.store.deliveries(DeliveryFilter(status: .dead))
            #expect(untouched.map(\.id) == [fixture.deadDeliveryID])

            let sent = try await client.execute(
                uri: action, method: .post, headers: headers, body: form([("csrf", csrf), ("back", noticePath("n1"))]))
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == noticePath("n1"))
            #expect(try await fixture.store.deliveries(DeliveryFilter(status: .dead)).isEmpty)

            // Who did it, and when: on the notice page, in today's timeline, in the API.
            let after = try await client.execute(uri: noticePath("n1"), method: .get, headers: [.cookie: session]).text
            #expect(after.contains("kari – sendte igjen (leveranse \(fixture.deadDeliveryID))"))
            let today = try await client.execute(uri: "/today", method: .get, headers: [.cookie: session]).text
            #expect(today.contains("kari sendte leveranse \(fixture.deadDeliveryID) igjen"))
            let api = try await client.execute(
                uri: "/api/v1/notices/n1", method: .get, headers: [.cookie: session])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any])
            let actions = try #require(json["actions"] as? [[String: Any]])
            #expect(actions.first?["user"] as? String == "kari")
            #expect(actions.first?["action"] as? String == "send_again")

            // Sending it again while it waits is refused with a page that says why.
            let twice = try await client.execute(
                uri: action, method: .post, headers: headers, body: form([("csrf", csrf)]))
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("Kan ikke sendes igjen"))
        }
    }

    @Test func onLoopbackWithoutCredentialsEveryoneIsLocalButFormsStillNeedTheToken() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await application(fixture, TestCredentials.settings(users: [], tokens: [])).test(.router) { client in
            let page = try await client.execute(uri: "/deliveries?status=dead", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("Innlogget som local"))
            let forged = try await client.execute(
                uri: "/deliveries/\(fixture.deadDeliveryID)/send-again", method: .post, headers: formHeaders,
                body: form([("csrf", "guess")]))
            #expect(forged.status == .forbidden)
            #expect(try await fixture.store.deliveries(DeliveryFilter(status: .dead)).count == 1)
            // Clients that never send the cookie back (curl, a load test) share one session
            // instead of adding one per request.
            var cookies: Set<String> = []
            for _ in 0..<5 {
                let response = try await client.execute(uri: "/notices", method: .get)
                cookies.insert(try #require(response.cookieValue(WebSecurity.sessionCookie)))
            }
            #expect(cookies.count == 1)
        }
    }

    @Test func webhookAddressesAreShownOnlyAsTheirOriginOnPagesAPIAndCSV() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            for path in [
                "/deliveries", noticePath("n1"), "/subscribers", "/api/v1/deliveries", "/api/v1/subscribers",
                "/api/v1/notices/n1", "/export/deliveries.csv",
            ] {
                let text = try await client.execute(uri: path, method: .get).text
                #expect(!text.contains("T0KEN-123") && !text.contains("sig=abc"), "\(path) shows the webhook's path")
            }
            // The notice page lists who was told, with where: the webhook by its origin only.
            let page = try await client.execute(uri: noticePath("n1"), method: .get).text
            #expect(page.contains("https://hooks.oslo.example/…"))
        }
    }
}
