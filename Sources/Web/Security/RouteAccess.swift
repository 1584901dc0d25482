/// Who may reach a path, decided by the path alone, so routes the pages and API helpers
/// register are protected without registering anything: everything is a page unless it is
/// listed here as open or lives under /api/ or /metrics.
enum RouteAccess: Equatable {
    /// No credentials: health checks, the login form, the stylesheet.
    case open
    /// Bearer token (or a logged-in session): /api/..., /metrics. Refused with 401 JSON.
    case machine
    /// A logged-in session: everything else. Refused with a redirect to /login.
    case page

    init(path: String) {
        if path == "/healthz" || path == "/readyz" || path == "/login" || path.hasPrefix("/static/")
            || path == "/favicon.ico"
        {
            self = .open
        } else if path == "/metrics" || path == "/api" || path.hasPrefix("/api/") {
            self = .machine
        } else {
            self = .page
        }
    }
}
