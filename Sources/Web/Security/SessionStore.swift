import Foundation

/// Logged-in sessions, in memory: a restart logs everyone out, which is acceptable for a
/// support page and keeps session secrets out of the database. The cookie carries only a
/// random id; the user name and the CSRF token stay on the server.
actor SessionStore {
    struct Session: Sendable, Hashable {
        var id: String
        var user: String
        /// Forms must send this back (`csrf`); one per session.
        var csrfToken: String
        var expiresAt: Date
    }

    private var sessions: [String: Session] = [:]
    /// The one session every cookie-less request shares when no credentials are configured.
    private var local: Session?
    let lifetime: Duration
    let now: @Sendable () -> Date

    init(lifetime: Duration, now: @escaping @Sendable () -> Date) {
        self.lifetime = lifetime
        self.now = now
    }

    /// A new session for `user` (expired ones are dropped here, so the table cannot grow
    /// without bound from abandoned logins).
    func create(user: String) -> Session {
        let current = now()
        sessions = sessions.filter { $0.value.expiresAt > current }
        let session = Session(
            id: RandomToken.hex(), user: user, csrfToken: RandomToken.hex(),
            expiresAt: current.addingTimeInterval(Double(lifetime.components.seconds)))
        sessions[session.id] = session
        return session
    }

    /// The live session with this id, or nil (unknown, expired, or no cookie at all).
    func session(id: String?) -> Session? {
        guard let id, let session = sessions[id] else { return nil }
        guard session.expiresAt > now() else {
            sessions[id] = nil
            return nil
        }
        return session
    }

    /// The shared session of the operator "local" (loopback, no credentials configured), made
    /// once per process. One session, not one per request: a client that never sends the cookie
    /// back (curl, a load test, a monitoring probe) would otherwise add a session per request.
    /// Sharing it is safe: its CSRF token is random per process and another site cannot read it.
    func localSession() -> Session {
        if let local, sessions[local.id] != nil { return local }
        let session = Session(id: RandomToken.hex(), user: "local", csrfToken: RandomToken.hex(), expiresAt: .distantFuture)
        sessions[session.id] = session
        local = session
        return session
    }

    func remove(id: String) {
        sessions[id] = nil
    }

    var count: Int { sessions.count }
}
