public import Curl
public import VarselModel

/// Judges one probe: an HTTP status or a transport failure, against the target's settings.
/// Pure (no I/O, no clock), so every rule is testable without a server.
///
/// The rules (DOMAIN.md §4: no health endpoint exists and every API wants a Maskinporten token):
/// - a status in `expectedStatuses` (default 200-399, 401, 403, 404) is up: the gateway answered;
/// - 5xx is down, ``ProbeCause/serverError``; any other status is down, ``ProbeCause/unexpectedStatus``;
/// - a transport failure is down with its own cause: timeout, dns, connectionRefused, tls,
///   or connection for everything else.
/// Redirects are never followed, so a 3xx is judged by its status like any other.
public enum ProbeVerdict {
    /// What one probe amounted to.
    public struct Outcome: Sendable, Hashable {
        public var up: Bool
        /// The HTTP status, when the server answered.
        public var status: Int?
        /// Why it is down; `nil` when up.
        public var cause: ProbeCause?
        /// One line for an operator, sanitized (it may quote curl's message, which quotes the server).
        public var detail: String

        public init(up: Bool, status: Int?, cause: ProbeCause?, detail: String) {
            self.up = up
            self.status = status
            self.cause = cause
            self.detail = detail
        }
    }

    /// Longest detail kept; anything longer is cut with "…".
    public static let detailLimit = 200

    public static func classify(_ result: Result<CurlResponse, CurlFailure>, settings: ProbeSettings) -> Outcome {
        switch result {
        case .success(let response): classify(status: response.statusCode, settings: settings)
        case .failure(let failure): classify(failure: failure, settings: settings)
        }
    }

    public static func classify(status: Int, settings: ProbeSettings) -> Outcome {
        if settings.expectedStatuses.contains(status) {
            return Outcome(up: true, status: status, cause: nil, detail: "HTTP \(status)")
        }
        if (500...599).contains(status) {
            return Outcome(up: false, status: status, cause: .serverError, detail: "HTTP \(status)")
        }
        let expected = describe(settings.expectedStatuses)
        return Outcome(up: false, status: status, cause: .unexpectedStatus, detail: "HTTP \(status), expected \(expected)")
    }

    public static func classify(failure: CurlFailure, settings: ProbeSettings) -> Outcome {
        let cause = cause(of: failure.error, osErrno: failure.osErrno)
        let message = sanitize(curlMessage(failure.error))
        let detail: String
        switch cause {
        case .timeout:
            let phase = phase(failure.timings, https: failure.error.url.lowercased().hasPrefix("https:"))
            detail = "timeout after \(seconds(settings.timeout)) \(phase): \(message)"
        case .dns: detail = "DNS: \(message)"
        case .connectionRefused: detail = "connection refused: \(message)"
        case .tls: detail = "TLS: \(message)"
        case .connection, .serverError, .unexpectedStatus: detail = "connection: \(message)"
        }
        return Outcome(up: false, status: nil, cause: cause, detail: sanitize(detail))
    }

    /// The cause of a transport failure. `osErrno` tells a refused connection (ECONNREFUSED, 111
    /// on Linux) from other connect failures, which libcurl 7.88 reports with the same code and text.
    public static func cause(of error: CurlError, osErrno: Int) -> ProbeCause {
        switch error {
        case .timeout: .timeout
        case .couldNotResolve: .dns
        case .couldNotConnect: osErrno == connectionRefusedErrno ? .connectionRefused : .connection
        case .tls: .tls
        case .tooManyRedirects, .bodyTooLarge, .protocolRefused, .transfer, .invalidRequest, .shutDown, .addressRefused:
            .connection
        }
    }

    /// `ECONNREFUSED` on Linux (and every platform varselvakt targets).
    static let connectionRefusedErrno = 111

    /// One printable line: control and format characters (CR, LF, ESC, bidi overrides) become
    /// spaces, runs of spaces collapse, the result is cut at ``detailLimit`` characters.
    public static func sanitize(_ text: String) -> String {
        var out = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            let isJunk =
                category == .control || category == .format || category == .lineSeparator
                || category == .paragraphSeparator || category == .spaceSeparator
            if isJunk {
                if !lastWasSpace { out.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out.count > detailLimit ? String(out.prefix(detailLimit - 1)) + "…" : out
    }

    // MARK: - Wording

    private static func curlMessage(_ error: CurlError) -> String {
        switch error {
        case .timeout(_, _, let message), .tooManyRedirects(_, _, let message), .couldNotResolve(_, _, let message),
            .couldNotConnect(_, _, let message), .tls(_, _, let message), .protocolRefused(_, _, let message),
            .transfer(_, _, let message):
            message
        case .bodyTooLarge(_, let limit): "response body over \(limit) bytes"
        case .invalidRequest(_, let reason): "invalid request: \(reason)"
        case .shutDown: "client shut down"
        case .addressRefused(_, let address, let reason): "address \(address) refused: \(reason)"
        }
    }

    /// Where a timed-out transfer was: the first phase curl did not finish.
    private static func phase(_ timings: CurlTimings, https: Bool) -> String {
        if timings.connect == 0 { return "connecting" }
        if https && timings.appConnect == 0 { return "in the TLS handshake" }
        if timings.startTransfer == 0 { return "waiting for the response" }
        return "reading the response"
    }

    /// "10s", "1.5s".
    static func seconds(_ duration: Duration) -> String {
        let (whole, atto) = duration.components
        let millis = Int(atto / 1_000_000_000_000_000)
        guard millis > 0 else { return "\(whole)s" }
        var fraction = String(millis)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)s"
    }

    /// "200-399, 401, 403, 404": the set, sorted, runs of three or more as ranges.
    static func describe(_ statuses: Set<Int>) -> String {
        var parts: [String] = []
        var sorted = statuses.sorted()[...]
        while let first = sorted.popFirst() {
            var last = first
            while sorted.first == last + 1 { last = sorted.removeFirst() }
            // Ranges only for three or more: "403, 404" reads better than "403-404".
            parts += last - first >= 2 ? ["\(first)-\(last)"] : (first...last).map(String.init)
        }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }
}
