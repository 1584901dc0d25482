/// Why a transfer produced no response. Every case names the URL the caller asked for; the
/// curl-backed cases also carry libcurl's result code and the message from its error buffer
/// (`CURLOPT_ERRORBUFFER`, or `curl_easy_strerror` when the buffer is empty), because that message
/// is what an operator needs ("Failed to connect to host port 443 after 3 ms: Couldn't connect").
///
/// The cases separate what callers treat differently: a timeout or a refused connection is worth
/// retrying, a redirect loop or a refused protocol is a configuration problem, TLS is its own
/// alarm (a certificate about to break everything).
public enum CurlError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `CURLE_OPERATION_TIMEDOUT`: the connect or total timeout expired.
    case timeout(url: String, code: Int, message: String)
    /// `CURLE_TOO_MANY_REDIRECTS`: more than `maxRedirects` redirects (typically a loop).
    case tooManyRedirects(url: String, code: Int, message: String)
    /// The body grew past `maxResponseBytes` (or the announced `Content-Length` did); the transfer
    /// was aborted and nothing beyond the limit was buffered.
    case bodyTooLarge(url: String, limit: Int)
    /// `CURLE_COULDNT_RESOLVE_HOST` / `_PROXY`: DNS failed.
    case couldNotResolve(url: String, code: Int, message: String)
    /// `CURLE_COULDNT_CONNECT`: nothing accepted the TCP connection.
    case couldNotConnect(url: String, code: Int, message: String)
    /// Handshake or certificate failure (`CURLE_SSL_*`, `CURLE_PEER_FAILED_VERIFICATION`).
    case tls(url: String, code: Int, message: String)
    /// `CURLE_UNSUPPORTED_PROTOCOL`: the URL, or a redirect, used a protocol not in the allowed list.
    case protocolRefused(url: String, code: Int, message: String)
    /// Any other libcurl failure (connection reset, bad content encoding, empty reply, ...).
    case transfer(url: String, code: Int, message: String)
    /// The request could not be set up (curl rejected an option, a header contained CR/LF, ...);
    /// nothing was sent.
    case invalidRequest(url: String, reason: String)
    /// The client was shut down before the transfer completed.
    case shutDown(url: String)
    /// ``CurlRequest/addressFilter`` refused the address the host resolved to (`address`, as
    /// text), for `reason` ("a private address"); nothing was sent. With several addresses, the
    /// first refused one is named.
    case addressRefused(url: String, address: String, reason: String)

    /// The URL of the request that failed (not the redirect target).
    public var url: String {
        switch self {
        case .timeout(let url, _, _), .tooManyRedirects(let url, _, _), .couldNotResolve(let url, _, _),
            .couldNotConnect(let url, _, _), .tls(let url, _, _), .protocolRefused(let url, _, _),
            .transfer(let url, _, _):
            url
        case .bodyTooLarge(let url, _), .invalidRequest(let url, _), .shutDown(let url), .addressRefused(let url, _, _):
            url
        }
    }

    /// libcurl's `CURLcode`, when the failure came from libcurl.
    public var code: Int? {
        switch self {
        case .timeout(_, let code, _), .tooManyRedirects(_, let code, _), .couldNotResolve(_, let code, _),
            .couldNotConnect(_, let code, _), .tls(_, let code, _), .protocolRefused(_, let code, _),
            .transfer(_, let code, _):
            code
        case .bodyTooLarge, .invalidRequest, .shutDown, .addressRefused:
            nil
        }
    }

    public var description: String {
        switch self {
        case .timeout(let url, let code, let message):
            "curl: \(url): timed out (curl \(code): \(message))"
        case .tooManyRedirects(let url, let code, let message):
            "curl: \(url): too many redirects (curl \(code): \(message))"
        case .bodyTooLarge(let url, let limit):
            "curl: \(url): response body exceeds the limit of \(limit) bytes, transfer aborted"
        case .couldNotResolve(let url, let code, let message):
            "curl: \(url): could not resolve host (curl \(code): \(message))"
        case .couldNotConnect(let url, let code, let message):
            "curl: \(url): could not connect (curl \(code): \(message))"
        case .tls(let url, let code, let message):
            "curl: \(url): TLS failure (curl \(code): \(message))"
        case .protocolRefused(let url, let code, let message):
            "curl: \(url): protocol not allowed (curl \(code): \(message))"
        case .transfer(let url, let code, let message):
            "curl: \(url): transfer failed (curl \(code): \(message))"
        case .invalidRequest(let url, let reason):
            "curl: \(url): invalid request: \(reason)"
        case .shutDown(let url):
            "curl: \(url): client shut down before the transfer completed"
        case .addressRefused(let url, let address, let reason):
            "curl: \(url): connection to \(address) refused by the address filter (\(reason))"
        }
    }
}
