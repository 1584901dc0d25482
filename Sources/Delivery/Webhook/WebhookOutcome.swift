import Curl
import Foundation

/// The classification of a webhook attempt (after Alertmanager's notify/util.go: the sender says
/// whether a failure is worth retrying).
///
/// | answer | result |
/// |---|---|
/// | 2xx | delivered (`HTTP 200`) |
/// | 3xx | permanent: redirect not followed, the Location is named |
/// | 408, 429 | retry, honouring `Retry-After` |
/// | other 4xx | permanent (the receiver refuses this request; repeating it will not help) |
/// | 5xx | retry, honouring `Retry-After` |
/// | any other status | retry |
/// | timeout, refused/reset connection, DNS, TLS, empty reply, answer over 64 KiB | retry |
/// | bad URL, protocol refused, header with CR/LF, redirect loop | permanent |
/// | host resolves to a refused address (SSRF guard) | permanent, naming host, address and the key that allows it |
struct WebhookOutcome {
    let url: String
    let timeout: Duration
    let connectTimeout: Duration

    private var location: String { OperatorText.location(url) }

    func classify(_ response: CurlResponse, now: Date) -> AttemptResult {
        let status = response.statusCode
        // Built only for failures: a delivery costs no URL parsing or text scanning.
        var answer: String {
            let excerpt = OperatorText.excerpt(response.body)
            return "HTTP \(status) from \(location)" + (excerpt.isEmpty ? "" : ": \(excerpt)")
        }
        switch status {
        case 200..<300:
            return .delivered(detail: "HTTP \(status)")
        case 300..<400:
            let target = response.location.map { OperatorText.oneLine($0, limit: 160) } ?? "(no Location header)"
            return .permanent(
                error: "HTTP \(status) redirect from \(location) to \(target) not followed; register the final URL")
        case 408, 429, 500..<600:
            return .retry(error: answer, retryAfter: retryAfter(response, now: now))
        case 400..<500:
            return .permanent(error: answer)
        default:
            return .retry(error: "unexpected " + answer, retryAfter: nil)
        }
    }

    func classify(_ error: CurlError) -> AttemptResult {
        switch error {
        case .timeout(_, _, let message):
            if OperatorText.isConnectTimeout(message) {
                return .retry(
                    error: "timeout after \(OperatorText.duration(connectTimeout)) connecting to \(OperatorText.authority(url))",
                    retryAfter: nil)
            }
            return .retry(
                error: "timeout after \(OperatorText.duration(timeout)) waiting for \(location) to answer", retryAfter: nil)
        case .couldNotConnect(_, _, let message):
            return .retry(error: "cannot connect to \(OperatorText.authority(url)): \(curl(message))", retryAfter: nil)
        case .couldNotResolve(_, _, let message):
            return .retry(error: "cannot resolve \(OperatorText.authority(url)): \(curl(message))", retryAfter: nil)
        case .tls(_, _, let message):
            return .retry(error: "TLS failure with \(OperatorText.authority(url)): \(curl(message))", retryAfter: nil)
        case .bodyTooLarge(_, let limit):
            return .retry(
                error: "answer from \(location) exceeds \(limit / 1024) KiB, transfer aborted (status unknown)",
                retryAfter: nil)
        case .transfer(_, _, let message):
            return .retry(error: "transfer to \(location) failed: \(curl(message))", retryAfter: nil)
        case .shutDown:
            return .retry(error: "webhook to \(location) interrupted by shutdown", retryAfter: nil)
        case .protocolRefused(_, _, let message):
            return .permanent(error: "webhook URL \(location) refused: \(curl(message)) (only http and https)")
        case .tooManyRedirects(_, _, let message):
            return .permanent(error: "webhook \(location) redirects: \(curl(message))")
        case .invalidRequest(_, let reason):
            return .permanent(error: "webhook to \(location) not sent: \(OperatorText.oneLine(reason))")
        case .addressRefused(_, let address, let reason):
            let host = OperatorText.oneLine((try? CurlURL(url))?.host ?? "?", limit: 100)
            return .permanent(
                error: "webhook to \(location) refused: \(host) resolves to \(address), \(reason); "
                    + "allow it with [delivery] allow_private_webhooks")
        }
    }

    private func curl(_ message: String) -> String { OperatorText.oneLine(message) }

    /// `Retry-After` in seconds or as an HTTP date, via the Curl module's parser; unreadable = absent.
    /// Clamped to ~68 years only so that the outbox's arithmetic cannot overflow; the real cap is
    /// the outbox's policy.
    private func retryAfter(_ response: CurlResponse, now: Date) -> Duration? {
        guard let value = response.retryAfter, let seconds = RetryAfter.seconds(value, now: now) else { return nil }
        return .seconds(min(seconds, Int(Int32.max)))
    }
}
