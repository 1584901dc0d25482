import Hummingbird

/// The security state of one running web server: sessions, login slowing, passwords and
/// tokens. Built once by `WebServer.buildRouter` and shared by the middleware and the login
/// routes; nothing in it is global.
struct WebSecurity: Sendable {
    static let sessionCookie = "varselvakt_session"
    static let loginCSRFCookie = "varselvakt_login_csrf"

    let settings: WebSettings
    let sessions: SessionStore
    let throttle: LoginThrottle
    let passwords: PasswordCheck
    let tokens: BearerTokens

    init(settings: WebSettings) {
        self.settings = settings
        sessions = SessionStore(lifetime: settings.sessionLifetime, now: settings.now)
        throttle = LoginThrottle(policy: settings.throttle, now: settings.now)
        passwords = PasswordCheck(users: settings.users, verifier: settings.verifier)
        tokens = BearerTokens(settings.tokens)
    }

    var requiresCredentials: Bool { settings.requiresCredentials }

    /// The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
    /// page sends it), Path=/, Secure when `[web]` says the page is served over TLS.
    func sessionCookie(_ session: SessionStore.Session) -> Cookie {
        Cookie(
            name: Self.sessionCookie, value: session.id, maxAge: Int(settings.sessionLifetime.components.seconds),
            path: "/", secure: settings.secureCookie, httpOnly: true, sameSite: .strict)
    }

    /// A cookie that tells the browser to forget `name`.
    func expiredCookie(_ name: String, path: String = "/") -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: path, secure: settings.secureCookie, httpOnly: true, sameSite: .strict)
    }

    /// The login form's pre-session CSRF cookie (double submit: the form field must equal it).
    func loginCSRFCookie(_ token: String) -> Cookie {
        Cookie(
            name: Self.loginCSRFCookie, value: token, maxAge: 3600, path: "/login", secure: settings.secureCookie,
            httpOnly: true, sameSite: .strict)
    }
}
