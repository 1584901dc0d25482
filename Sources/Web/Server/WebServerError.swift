/// Why the web server will not start.
public enum WebServerError: Error, CustomStringConvertible, Sendable, Hashable {
    /// `[web] listen` is reachable from the network and no credentials are configured.
    case unprotectedListen(address: String)

    public var description: String {
        switch self {
        case .unprotectedListen(let address):
            "web: refusing to listen on \(address): it is not a loopback address and no [[web.users]] or "
                + "[[web.tokens]] are configured, so anyone on the network could read and act; add credentials, "
                + "listen on 127.0.0.1, or set [web] enabled = false"
        }
    }
}
