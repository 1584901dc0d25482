/// The outcome of a successful poll. `notModified` is the cheap path: nothing to parse or diff.
public enum FetchResult: Sendable, Hashable {
    /// 304 (or an unchanged file:// snapshot). Carries the validators to store: the server's new
    /// ones if the 304 sent any, otherwise the ones we sent.
    case notModified(Validators)
    /// A 2xx with a body (or a changed snapshot).
    case modified(FetchedFeed)

    public var isModified: Bool {
        if case .modified = self { true } else { false }
    }

    /// The validators to store for the next poll, whichever the outcome.
    public var validators: Validators {
        switch self {
        case .notModified(let validators): validators
        case .modified(let feed): feed.validators
        }
    }
}

/// A feed document as received, not yet parsed.
public struct FetchedFeed: Sendable, Hashable {
    /// The decoded body (content encoding removed), at most ``FetchLimits/maxBytes``.
    public var body: [UInt8]
    /// From this response (empty if the server sent none; then the next poll is unconditional).
    public var validators: Validators
    /// The `Content-Type` header, if any (`nil` for file://). Informational: the parser sniffs.
    public var contentType: String?
    /// The URL after redirects (the requested URL for file://).
    public var finalURL: String
    /// The HTTP status (2xx); 200 for a file:// snapshot.
    public var status: Int

    public init(body: [UInt8], validators: Validators, contentType: String?, finalURL: String, status: Int) {
        self.body = body
        self.validators = validators
        self.contentType = contentType
        self.finalURL = finalURL
        self.status = status
    }
}
