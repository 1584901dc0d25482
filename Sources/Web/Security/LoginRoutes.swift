import Foundation
import HTTPTypes
import Logging
import Hummingbird

/// GET/POST /login and POST /logout.
///
/// The login form is protected against CSRF before any session exists by a double submit: GET
/// sets a random token in a cookie (HttpOnly, SameSite=Strict, Path=/login) and in the form;
/// POST must bring both, equal. A POST is slowed after repeated failures (`LoginThrottle`)
/// and always costs one bcrypt check, known user or not (`PasswordCheck`).
enum LoginRoutes {
    static func add(to router: Router<WebContext>, _ security: WebSecurity) {
        router.get("/login") { request, _ in
            guard security.requiresCredentials else { return Response(status: .seeOther, headers: [.location: "/"]) }
            return formResponse(security, next: safeNext(request.uri.queryParameters["next"].map(String.init)))
        }
        router.post("/login") { request, context in
            try await login(request, context: context, security)
        }
        router.post("/logout") { request, context in
            if let id = request.cookies[WebSecurity.sessionCookie]?.value { await security.sessions.remove(id: id) }
            context.logger.info("web: logged out", metadata: ["user": "\(context.identity?.name ?? "?")"])
            var response = Response(status: .seeOther, headers: [.location: security.requiresCredentials ? "/login" : "/"])
            response.setCookie(security.expiredCookie(WebSecurity.sessionCookie))
            return response
        }
    }

    static func login(_ request: Request, context: WebContext, _ security: WebSecurity) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        let form = FormFields(String(buffer: body))
        guard let cookie = request.cookies[WebSecurity.loginCSRFCookie]?.value, let sent = form["csrf"],
            !cookie.isEmpty, ConstantTime.equal(cookie, sent)
        else {
            throw HTTPError(.forbidden, message: "missing or wrong CSRF token (open /login again)")
        }
        guard security.requiresCredentials else { return Response(status: .seeOther, headers: [.location: "/"]) }
        let user = form["username"] ?? ""
        let password = form["password"] ?? ""
        let next = safeNext(form["next"])
        let client = context.clientAddress ?? "unknown"

        let wait = await security.throttle.delay(user: user, client: client)
        if wait > .zero { try await security.settings.sleep(wait) }
        guard await security.passwords.check(user: user, password: password) else {
            await security.throttle.failed(user: user, client: client)
            context.logger.notice(
                "web: failed login", metadata: ["user": "\(TextEscape.logSafe(user))", "client": "\(client)"])
            return formResponse(security, next: next, username: user, error: "Feil brukernavn eller passord.", status: .unauthorized)
        }
        await security.throttle.succeeded(user: user)
        let session = await security.sessions.create(user: user)
        context.logger.info("web: logged in", metadata: ["user": "\(user)", "client": "\(client)"])
        var response = Response(status: .seeOther, headers: [.location: next ?? "/"])
        response.setCookie(security.sessionCookie(session))
        response.setCookie(security.expiredCookie(WebSecurity.loginCSRFCookie, path: "/login"))
        return response
    }

    /// The form with a fresh double-submit token.
    static func formResponse(
        _ security: WebSecurity, next: String?, username: String = "", error: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let token = RandomToken.hex()
        var response = LoginPage.response(
            LoginPage.render(csrf: token, next: next, username: username, error: error), status: status)
        response.setCookie(security.loginCSRFCookie(token))
        return response
    }

    /// `next` if it is a path on this site (so the login cannot redirect elsewhere: no
    /// scheme, no `//host`, no backslash, no control characters), else nil.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.hasPrefix("/login"),
            next.count <= 2000, !next.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        return next
    }
}

/// Text from a request made safe for one log line.
enum TextEscape {
    static func logSafe(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.prefix(100).unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }
}
