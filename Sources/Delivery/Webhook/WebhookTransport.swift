public import Curl
public import Foundation
public import VarselModel

/// Delivers one webhook: a signed JSON POST over the shared ``CurlClient``.
///
/// Request: `POST <url>` with the body as given and the headers of ``headers(body:secret:idempotencyKey:event:deliveryID:now:)``
/// (`Content-Type`, `User-Agent`, `Varselvakt-Signature`, `Varselvakt-Idempotency-Key`,
/// `Varselvakt-Event`, `Varselvakt-Delivery`). Only `http://` and `https://` URLs are accepted
/// (anything else fails permanently before a connection is made); redirects are never followed,
/// because a signed alert must reach the URL the subscriber registered and not wherever a
/// compromised or misconfigured host points (a 3xx is a permanent failure naming the Location).
///
/// SSRF guard: every address the URL's host resolves to is judged by the ``WebhookAddressPolicy``
/// when curl connects (and again before sending on a reused connection), so a subscriber URL
/// naming, or a DNS name later pointing at, loopback, private, link-local, CGNAT and similar
/// addresses is refused (permanently, naming host, address and the config key that allows it)
/// unless `[delivery] allow_private_webhooks` lists it. Since redirects are not followed, the
/// connected address is the only one a signed alert can reach.
///
/// The receiver's answer is read up to ``maxResponseBytes`` (a longer one is cut, its status
/// still counts) and only a sanitised excerpt of it
/// ends up in an error. Classification: see ``WebhookOutcome``.
///
/// Connection reuse: all transports share one client, whose multi handle keeps idle keep-alive
/// connections, so consecutive POSTs to one host reuse a connection (no new TCP/TLS handshake).
public struct WebhookTransport: Sendable {
    /// How much of a receiver's answer is read; a larger one aborts the transfer (and is retried).
    public static let maxResponseBytes = 64 * 1024

    private let client: CurlClient
    private let timeout: Duration
    private let connectTimeout: Duration
    private let userAgent: String
    private let addressPolicy: WebhookAddressPolicy

    /// - Parameters:
    ///   - timeout: the whole attempt (connect, send, answer); a receiver that hangs longer is retried.
    ///   - connectTimeout: DNS + TCP + TLS.
    ///   - userAgent: sent as `User-Agent` (e.g. "varselvakt/1.2 (+https://...)").
    ///   - addressPolicy: which special addresses a webhook may still reach; the default refuses
    ///     them all (loopback included, so tests and demos against 127.0.0.1 must allow it).
    public init(
        client: CurlClient, timeout: Duration, connectTimeout: Duration, userAgent: String,
        addressPolicy: WebhookAddressPolicy = WebhookAddressPolicy()
    ) {
        self.addressPolicy = addressPolicy
        self.client = client
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.userAgent = userAgent
    }

    /// The request headers of one delivery, in the order they are sent. Public so that the file
    /// sink can record exactly what would have gone over the wire.
    /// - Parameter now: the signing time; its whole Unix seconds become `t=`.
    public func headers(
        body: [UInt8], secret: Secret, idempotencyKey: String, event: String, deliveryID: Int64, now: Date
    ) -> [(String, String)] {
        Self.headers(
            userAgent: userAgent, body: body, secret: secret, idempotencyKey: idempotencyKey, event: event,
            deliveryID: deliveryID, now: now)
    }

    /// The same headers for a sender without a transport (the file sink).
    public static func headers(
        userAgent: String, body: [UInt8], secret: Secret, idempotencyKey: String, event: String, deliveryID: Int64,
        now: Date
    ) -> [(String, String)] {
        let timestamp = Int(now.timeIntervalSince1970.rounded(.down))
        return [
            ("Content-Type", "application/json"),
            ("User-Agent", userAgent),
            ("Varselvakt-Signature", WebhookSignature.header(body: body, secret: secret, timestamp: timestamp)),
            ("Varselvakt-Idempotency-Key", idempotencyKey),
            ("Varselvakt-Event", event),
            ("Varselvakt-Delivery", String(deliveryID)),
        ]
    }

    /// POSTs `body` to `url` once and classifies what happened. Never throws: every failure is a
    /// ``AttemptResult/retry(error:retryAfter:)`` or ``AttemptResult/permanent(error:)`` with one
    /// line naming the URL (without userinfo or query) and what went wrong. Cancellation of the
    /// calling task (shutdown) aborts the request and gives `.retry`.
    /// - Parameters:
    ///   - idempotencyKey: stable per outbox row, so the receiver can drop a redelivery.
    ///   - event: the kind of alert (e.g. `notice.new`), for receivers that route on it.
    ///   - deliveryID: the outbox row's id, for correlating with varselvakt's history.
    ///   - now: the attempt time: signature timestamp, and the base for an HTTP-date `Retry-After`.
    public func send(
        url: String, body: [UInt8], secret: Secret, idempotencyKey: String, event: String, deliveryID: Int64, now: Date
    ) async -> AttemptResult {
        let parsed: CurlURL
        do {
            parsed = try CurlURL(url)
        } catch {
            return .permanent(error: "webhook URL \(OperatorText.location(url)) is not a valid URL")
        }
        var location: String { OperatorText.location(url) }
        guard parsed.scheme == "http" || parsed.scheme == "https" else {
            return .permanent(
                error: "webhook URL \(location) uses \(OperatorText.oneLine(parsed.scheme, limit: 20))://, only http and https are allowed")
        }
        guard parsed.host != nil else {
            return .permanent(error: "webhook URL \(location) has no host")
        }

        var request = CurlRequest(url: url, method: .post)
        request.headers = headers(
            body: body, secret: secret, idempotencyKey: idempotencyKey, event: event, deliveryID: deliveryID, now: now
        ).map { (name: $0.0, value: $0.1) }
        request.body = body
        request.connectTimeout = connectTimeout
        request.totalTimeout = timeout
        request.followRedirects = false
        request.allowedProtocols = "http,https"
        request.allowedRedirectProtocols = "http,https"
        request.maxResponseBytes = Self.maxResponseBytes
        // A long answer is cut, not failed: its status still decides, so a receiver that accepts
        // the alert and answers with a large page is not sent it again and again.
        request.truncateBody = true
        request.acceptEncoding = nil  // the answer is only excerpted; no decompression work or bombs
        let policy = addressPolicy
        request.addressFilter = { bytes in
            guard let address = IPAddress(bytes: bytes) else { return "an address that cannot be judged" }
            return policy.refusal(for: address)
        }

        let outcome = WebhookOutcome(url: url, timeout: timeout, connectTimeout: connectTimeout)
        do {
            let response = try await client.perform(request)
            return outcome.classify(response, now: now)
        } catch let error as CurlError {
            return outcome.classify(error)
        } catch {
            return .retry(error: "webhook to \(location) interrupted (\(type(of: error))), not sent or not confirmed", retryAfter: nil)
        }
    }
}
