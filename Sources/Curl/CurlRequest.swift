/// One transfer to run on a ``CurlClient``: everything libcurl needs to know, as a plain value.
///
/// Why a value and not a builder over an easy handle: the request crosses from the caller's task
/// to the client's curl thread, so it must be `Sendable`, and a value can be logged and tested.
///
/// HTTP(S), file:// and SMTP(S). For SMTP (build it with ``mail(url:envelope:message:security:credentials:)``)
/// `url` names the mail server, `body` is the uploaded message (through the same read callback as a
/// POST body) and ``mail`` carries the envelope, which `Transfer` maps to `CURLOPT_MAIL_FROM` /
/// `CURLOPT_MAIL_RCPT`; `method` and `headers` are then ignored.
public struct CurlRequest: Sendable {
    /// The HTTP method. `head` sets `CURLOPT_NOBODY` (no body is read even if the server sends one).
    public enum Method: String, Sendable, Hashable {
        case get = "GET"
        case post = "POST"
        case head = "HEAD"
    }

    /// Absolute URL, passed to libcurl as is (curl parses it; a bad one fails as `.invalidRequest`
    /// or `.protocolRefused`).
    public var url: String
    public var method: Method
    /// Extra request headers, in order. Names and values must not contain CR or LF (that would let
    /// a value echoed from a server, such as an ETag, inject headers): such a request fails with
    /// ``CurlError/invalidRequest(url:reason:)`` before anything is sent.
    public var headers: [(name: String, value: String)]
    /// Bytes sent as the request body (POST), streamed through a read callback.
    public var body: [UInt8]
    /// Limit for establishing the connection (DNS + TCP + TLS). Millisecond resolution.
    public var connectTimeout: Duration
    /// Limit for the whole transfer, including the connect phase and any redirects.
    /// Exceeding it gives ``CurlError/timeout(url:code:message:)``. Millisecond resolution.
    public var totalTimeout: Duration
    /// Whether 3xx responses with a Location are followed (`CURLOPT_FOLLOWLOCATION`).
    public var followRedirects: Bool
    /// How many redirects are followed at most; one more gives ``CurlError/tooManyRedirects(url:code:message:)``.
    public var maxRedirects: Int
    /// The largest (decoded) response body kept in memory. A bigger body aborts the transfer as
    /// soon as the limit is crossed and gives ``CurlError/bodyTooLarge(url:limit:)``; memory use is
    /// therefore bounded by this value even for a gzip bomb. A larger `Content-Length` fails before
    /// any body byte is read.
    public var maxResponseBytes: Int
    /// Comma-separated protocols curl may use for `url` (`CURLOPT_PROTOCOLS_STR`), e.g. `"http,https"`
    /// or `"file"`. Anything else fails with ``CurlError/protocolRefused(url:code:message:)``.
    public var allowedProtocols: String
    /// Protocols a redirect may lead to (`CURLOPT_REDIR_PROTOCOLS_STR`); `nil` means the same as
    /// ``allowedProtocols``. A refused redirect fails with ``CurlError/protocolRefused(url:code:message:)``.
    public var allowedRedirectProtocols: String?
    /// The `Accept-Encoding` curl offers and then transparently decodes: `""` offers everything this
    /// libcurl was built with (gzip, deflate, br, zstd), `nil` offers nothing and does not decode.
    public var acceptEncoding: String?
    /// The `User-Agent` header; `nil` sends none.
    public var userAgent: String?
    /// Non-`nil` makes this an SMTP submission of `body`: protocols are then restricted to
    /// `smtp,smtps` whatever ``allowedProtocols`` says, and the URL's scheme must match the
    /// ``MailSecurity`` (else ``CurlError/invalidRequest(url:reason:)`` before connecting).
    public var mail: MailOptions?
    /// A PEM file of CA certificates trusted instead of the system store (`CURLOPT_CAINFO`): a
    /// private CA, or a test's own. `nil` verifies against the system store. Verification itself
    /// is never switched off.
    public var caFile: String?
    /// For https: read the server's leaf certificate (`CURLOPT_CERTINFO`) and report its notAfter
    /// as ``CurlResponse/certificateExpiresAt``. Only a connection made by this transfer has a
    /// certificate to read, so combine it with ``freshConnection``.
    public var captureCertificate: Bool
    /// Open a new connection for this transfer and close it afterwards (`CURLOPT_FRESH_CONNECT`,
    /// `CURLOPT_FORBID_REUSE`). For checks that must measure DNS, connect and TLS every time
    /// rather than reuse a connection a previous transfer left open.
    public var freshConnection: Bool
    /// What a body larger than ``maxResponseBytes`` does: `false` fails with
    /// ``CurlError/bodyTooLarge(url:limit:)``; `true` stops reading at the limit and returns the
    /// response with the body cut there (``CurlResponse/isTruncated``), for callers that only
    /// need the status (probes).
    public var truncateBody: Bool
    /// Decides, for each address curl is about to use, whether this transfer may connect there:
    /// given the address's network-order bytes (4 for IPv4, 16 for IPv6), it returns `nil` to allow
    /// it, or why not ("a loopback address"). Checked when a socket is opened
    /// (`CURLOPT_OPENSOCKETFUNCTION`, before `connect`) and again before the request is sent on a
    /// new or reused connection (`CURLOPT_PREREQFUNCTION`), so neither a DNS change after the URL
    /// was vetted nor a connection another transfer left open to that host gets around it. When
    /// every address is refused the transfer fails with
    /// ``CurlError/addressRefused(url:address:reason:)``. Runs on the curl thread: keep it quick.
    /// With a proxy (curl honours `http_proxy`/`https_proxy`) the address judged is the proxy's.
    public var addressFilter: (@Sendable (_ address: [UInt8]) -> String?)?

    /// A GET of `url` with conservative defaults: 10 s connect, 30 s total, no redirects,
    /// 10 MiB body limit, http/https only, every content encoding accepted.
    public init(url: String, method: Method = .get) {
        self.url = url
        self.method = method
        self.headers = []
        self.body = []
        self.connectTimeout = .seconds(10)
        self.totalTimeout = .seconds(30)
        self.followRedirects = false
        self.maxRedirects = 5
        self.maxResponseBytes = 10 * 1024 * 1024
        self.allowedProtocols = "http,https"
        self.allowedRedirectProtocols = nil
        self.acceptEncoding = ""
        self.userAgent = nil
        self.mail = nil
        self.caFile = nil
        self.captureCertificate = false
        self.freshConnection = false
        self.truncateBody = false
        self.addressFilter = nil
    }
}
