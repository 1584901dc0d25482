import Foundation
import Testing
import HTTPTypes
import History
import Hummingbird
import HummingbirdTesting
import Logging
import NoticeStore
import Synchronization
import VarselConfig

@testable import Web

/// A real store in a temp directory and the web dependencies over it.
struct ServerFixture {
    let directory: String
    let store: NoticeStore
    var deps: WebDependencies

    init(readiness: @escaping @Sendable () async -> [String] = { [] }) throws {
        directory = NSTemporaryDirectory() + "webtests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = try ConfigLoader.load(
            text: """
                [store]
                path = "store.sqlite"

                [[feeds]]
                name = "skatteetaten"
                url = "https://skatteetaten.github.io/api-dokumentasjon/nyheter-og-driftsvarsler/atom.xml"
                """, file: "varselvakt.toml", baseDirectory: directory)
        store = try NoticeStore(path: config.store.path)
        deps = WebDependencies(history: HistoryReader(store: store, config: config), store: store)
        deps.readiness = readiness
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}

/// Counts password checks (an unknown user must cost one) and answers like bcrypt.
final class CountingVerifier: Sendable {
    private let calls = Mutex(0)
    var count: Int { calls.withLock { $0 } }

    var verifier: PasswordVerifier {
        PasswordVerifier { password, hash in
            self.calls.withLock { $0 += 1 }
            return await PasswordVerifier.bcrypt.verify(password, hash)
        }
    }
}

/// A clock that stands still and a sleeper that only writes down what it was asked to wait.
final class ManualTime: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    private let waits = Mutex<[Duration]>([])

    var now: @Sendable () -> Date { { self.current.withLock { $0 } } }
    var sleep: @Sendable (Duration) async throws -> Void { { duration in self.waits.withLock { $0.append(duration) } } }
    var slept: [Duration] { waits.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

enum TestCredentials {
    static let password = "riktig hest batteri stift"
    /// Cost 4: bcrypt's cheapest, so the tests stay fast.
    static let hash = WebCredentials.hashPassword(password, cost: 4)
    static let token = "test-token-0123456789"
    static let users = [WebConfig.User(name: "kari", passwordHash: hash)]
    static let tokens = [WebConfig.Token(name: "prometheus", sha256: WebCredentials.sha256(of: token))]

    static func settings(
        users: [WebConfig.User] = users, tokens: [WebConfig.Token] = tokens, secureCookie: Bool = false,
        verifier: PasswordVerifier = .bcrypt, time: ManualTime = ManualTime()
    ) -> WebSettings {
        WebSettings(
            users: users, tokens: tokens, secureCookie: secureCookie, verifier: verifier, now: time.now, sleep: time.sleep)
    }
}

/// The router with a tiny page, form and API route of the test's own (the real ones come from
/// the pages and API parts), so authentication is tested apart from them.
func testApplication(_ deps: WebDependencies, _ settings: WebSettings) -> some ApplicationProtocol {
    let router = WebServer.buildRouter(deps, settings)
    router.get("/test-page") { _, context in
        "user=\(context.identity?.name ?? "none") method=\(context.identity?.method.rawValue ?? "none") csrf=\(context.csrfToken ?? "")"
    }
    router.post("/test-form") { request, context in
        var request = request
        let body = try await request.collectBody(upTo: 10_000)
        return "posted by \(context.identity?.name ?? "none"): \(String(buffer: body))"
    }
    router.get("/api/v1/test") { _, context in "api user=\(context.identity?.name ?? "none")" }
    var logger = Logger(label: "webtests")
    logger.logLevel = .warning
    return WebServer.application(router: router, listen: WebListenAddress(host: "127.0.0.1", port: 0), logger: logger)
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The Set-Cookie header for `name`, if the response sets it.
    func setCookie(_ name: String) -> String? {
        headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
    }

    /// The value a Set-Cookie gives `name`.
    func cookieValue(_ name: String) -> String? {
        setCookie(name).flatMap { $0.split(separator: ";").first }.map { String($0.dropFirst(name.count + 1)) }
    }
}

/// The value of `name="..."` hidden fields in a page.
func hiddenField(_ name: String, in html: String) -> String? {
    guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
}

func form(_ fields: [(String, String)]) -> ByteBuffer {
    let encoded = fields.map { name, value in
        "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
    }
    return ByteBuffer(string: encoded.joined(separator: "&"))
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// Logs in as kari through the form and returns the session cookie (`name=value`).
func logIn(_ client: some TestClientProtocol, password: String = TestCredentials.password, user: String = "kari")
    async throws -> (response: TestResponse, session: String?)
{
    let page = try await client.execute(uri: "/login", method: .get)
    let csrf = try #require(hiddenField("csrf", in: page.text))
    let loginCookie = try #require(page.cookieValue(WebSecurity.loginCSRFCookie))
    var headers = formHeaders
    headers[.cookie] = "\(WebSecurity.loginCSRFCookie)=\(loginCookie)"
    let response = try await client.execute(
        uri: "/login", method: .post, headers: headers,
        body: form([("csrf", csrf), ("username", user), ("password", password)]))
    return (response, response.cookieValue(WebSecurity.sessionCookie).map { "\(WebSecurity.sessionCookie)=\($0)" })
}
