import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import VarselConfig

@testable import Web

@Suite struct ServerStartupTests {
    @Test func aNonLoopbackAddressWithoutCredentialsIsRefusedAtStartup() throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let settings = WebSettings(listen: WebListenAddress(host: "0.0.0.0", port: 8080))
        #expect(throws: WebServerError.unprotectedListen(address: "0.0.0.0:8080")) {
            _ = try WebServer.buildApplication(fixture.deps, settings, logger: Logger(label: "test"))
        }
        #expect(
            WebServerError.unprotectedListen(address: "0.0.0.0:8080").description
                == "web: refusing to listen on 0.0.0.0:8080: it is not a loopback address and no [[web.users]] or "
                + "[[web.tokens]] are configured, so anyone on the network could read and act; add credentials, "
                + "listen on 127.0.0.1, or set [web] enabled = false")
    }

    @Test func loopbackWithoutCredentialsAndNetworkWithCredentialsStart() throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        _ = try WebServer.buildApplication(fixture.deps, WebSettings(), logger: Logger(label: "test"))
        _ = try WebServer.buildApplication(
            fixture.deps, WebSettings(listen: WebListenAddress(host: "::", port: 8080), tokens: TestCredentials.tokens),
            logger: Logger(label: "test"))
    }

    @Test func settingsFromTheConfigCarryItsCookieRule() {
        let config = WebConfig(listen: WebListenAddress(host: "::1", port: 9000), behindTLS: true)
        let settings = WebSettings(config)
        #expect(settings.secureCookie)
        #expect(settings.listen.description == "[::1]:9000")
    }

    @Test func aLiveServerLogsInOverARealSocket() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await testApplication(fixture.deps, TestCredentials.settings()).test(.live) { client in
            let response1 = try await client.execute(uri: "/healthz", method: .get)
            #expect(response1.text == "ok\n")
            let login = try await logIn(client)
            let session = try #require(login.session)
            let page = try await client.execute(uri: "/test-page", method: .get, headers: [.cookie: session])
            #expect(page.status == .ok)
            #expect(page.text.hasPrefix("user=kari"))
            #expect(page.headers[.contentSecurityPolicy] != nil)
        }
    }
}
