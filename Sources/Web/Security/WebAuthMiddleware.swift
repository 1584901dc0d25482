import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// Decides who is asking and whether they may, for every route (see `RouteAccess`):
/// * open paths pass;
/// * a valid `Authorization: Bearer` token is a `.token` user (API and /metrics only);
/// * otherwise the session cookie: a `.session` user, or, when no credentials are configured
///   at all, the operator "local" (a session is made on the spot, so forms still get a CSRF
///   token);
/// * no user: pages redirect to /login, the API and /metrics answer 401 JSON.
///
/// Then the CSRF rule: a POST (PUT, PATCH, DELETE) made with a session must carry the
/// session's token in the form field `csrf` or the `X-CSRF-Token` header, else 403. Bearer
/// requests carry no cookie, so another site cannot forge them; JSON bodies are exempt for the
/// same reason (a browser sends them cross-site only after a CORS preflight this server never
/// grants).
struct WebAuthMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let security: WebSecurity

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        let access = RouteAccess(path: request.uri.path)
        if access == .open { return try await next(request, context) }
        var context = context

        if access == .machine, security.requiresCredentials, let bearer = request.headers.bearer {
            guard let user = security.tokens.user(for: bearer.token) else {
                throw Self.unauthorized("the bearer token is not one of [[web.tokens]]")
            }
            context.identity = user
            return try await next(request, context)
        }

        var session = await security.sessions.session(id: request.cookies[WebSecurity.sessionCookie]?.value)
        var newCookie: Cookie?
        if session == nil, !security.requiresCredentials {
            let created = await security.sessions.localSession()
            session = created
            newCookie = security.sessionCookie(created)
        }
        guard let session else {
            if access == .machine { throw Self.unauthorized("send Authorization: Bearer <token>") }
            return Self.redirectToLogin(request)
        }
        context.identity = WebUser(name: session.user, method: security.requiresCredentials ? .session : .none)
        context.csrfToken = session.csrfToken

        var request = request
        if Self.isUnsafe(request.method), !Self.isJSON(request) {
            let sent = try await Self.csrfToken(in: &request, context: context)
            guard let sent, ConstantTime.equal(sent, session.csrfToken) else {
                throw HTTPError(.forbidden, message: "missing or wrong CSRF token (reload the page and try again)")
            }
        }
        var response = try await next(request, context)
        if let newCookie { response.setCookie(newCookie) }
        return response
    }

    static func isUnsafe(_ method: HTTPRequest.Method) -> Bool {
        method != .get && method != .head && method != .options
    }

    static func isJSON(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("application/json") ?? false
    }

    /// The token from the `X-CSRF-Token` header or the form field `csrf`. The body is read
    /// once and put back into the request, so the route can still decode it.
    static func csrfToken(in request: inout Request, context: WebContext) async throws -> String? {
        if let header = request.headers[csrfHeader] { return header }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else { return nil }
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        return FormFields(String(buffer: body))["csrf"]
    }

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    static func unauthorized(_ message: String) -> HTTPError {
        HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"varselvakt\""], message: message)
    }

    /// 303 to the login form, remembering where the person was going (GET only: a form post
    /// cannot be replayed after logging in).
    static func redirectToLogin(_ request: Request) -> Response {
        var target = "/login"
        if request.method == .get, let next = LoginRoutes.safeNext(request.uri.description) {
            target += "?next=" + PercentEncoding.unreserved(next)
        }
        return Response(status: .seeOther, headers: [.location: target])
    }
}
