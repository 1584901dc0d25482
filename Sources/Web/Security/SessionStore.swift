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

    func remove(id: String) {
        sessions[id] = nil
    }

    var count: Int { sessions.count }
}
