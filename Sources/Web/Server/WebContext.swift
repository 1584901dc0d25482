public import Hummingbird
public import HummingbirdAuth
import NIOCore

/// Who is asking: a person logged in through the form (pages), or a bearer token (API, /metrics).
/// With no credentials configured (loopback only), every request is the anonymous operator "local".
public struct WebUser: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case none
        case session
        case token
    }

    /// The user name from `[web] users`, the token's name from `[web] tokens`, or "local".
    public var name: String
    public var method: Method

    public init(name: String, method: Method) {
        self.name = name
        self.method = method
    }
}

/// The request context of every route: the authenticated user and the request's CSRF token
/// (for forms that POST), both set by middleware in Security/.
public struct WebContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: WebUser?
    /// The token a form on this page must send back (`csrf` field); nil outside pages.
    public var csrfToken: String?
    /// The peer's IP address (nil in router tests, which have no socket); failed logins are
    /// slowed per address. Behind a proxy this is the proxy's address.
    public var clientAddress: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.csrfToken = nil
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }
}
