public import Curl
public import Foundation
public import VarselModel

/// Runs probe rounds: every target of a round at once, over one ``CurlClient``.
///
/// Why at once: a round's wall time is then close to its slowest probe, not the sum, so a dozen
/// APIs timing out after 10 s still finish a round within about 10 s. The transfers run on the
/// client's curl thread (curl multi), the tasks here only wait for them, so a round never blocks
/// Swift's cooperative pool however slow the servers are.
///
/// Each probe: GET or HEAD without credentials, no redirects followed, body read at most
/// ``maxBodyBytes`` and discarded, a fresh connection (so DNS, connect and TLS are measured and
/// the certificate is seen every time), certificates verified normally, total timeout =
/// `settings.timeout`, connect timeout = min(timeout, 5 s).
///
/// Give the runner a client with `maxTotalConnections` at least the number of targets + 1:
/// transfers beyond the limit wait inside curl, and that wait counts against their timeout.
public struct ProbeRunner: Sendable {
    /// Body bytes read at most; the rest of a body is never downloaded (only the status matters).
    public static let maxBodyBytes = 16 * 1024
    /// Upper bound of the connect timeout (DNS + TCP + TLS), whatever a target's total timeout.
    public static let maxConnectTimeout: Duration = .seconds(5)
    /// The api id of the reference result.
    public static let referenceAPI = "reference"

    private let client: CurlClient
    private let userAgent: String
    private let referenceURL: String?
    private let caFile: String?

    /// - Parameters:
    ///   - userAgent: sent with every probe, so the API owner can tell probes from attacks.
    ///   - referenceURL: a URL that is up whenever this host is online (e.g. a well-known public
    ///     site, or the gateway's own front page); `nil` disables the self-connectivity guard.
    ///   - caFile: PEM CA bundle trusted instead of the system store (a private CA; tests).
    public init(client: CurlClient, userAgent: String, referenceURL: String?, caFile: String? = nil) {
        self.client = client
        self.userAgent = userAgent
        self.referenceURL = referenceURL
        self.caFile = caFile
    }

    /// Probes all `targets` and the reference at once and waits for every result.
    ///
    /// Results keep the order of `targets`; all carry `at == now`. The round is inconclusive
    /// (see ``ProbeRound/conclusive``) when the reference is down or the round was cut short.
    public func round(_ targets: [ProbeTarget], now: Date = Date()) async -> ProbeRound {
        let clock = ContinuousClock()
        let start = clock.now
        let reference = referenceURL.map {
            ProbeTarget(api: Self.referenceAPI, environment: .production, url: $0, settings: ProbeSettings())
        }
        var results = [ProbeResult?](repeating: nil, count: targets.count)
        var referenceResult: ProbeResult?
        var cutShort = false
        await withTaskGroup(of: (index: Int, result: ProbeResult, aborted: Bool).self) { group in
            for (index, target) in targets.enumerated() {
                group.addTask {
                    let (result, aborted) = await measure(target, now: now)
                    return (index, result, aborted)
                }
            }
            if let reference {
                group.addTask {
                    let (result, aborted) = await measure(reference, now: now)
                    return (-1, result, aborted)
                }
            }
            for await finished in group {
                cutShort = cutShort || finished.aborted
                if finished.index < 0 {
                    referenceResult = finished.result
                } else {
                    results[finished.index] = finished.result
                }
            }
        }
        let elapsed = clock.now - start
        let conclusive = !cutShort && referenceResult?.up != false
        return ProbeRound(
            results: results.compactMap { $0 }, reference: referenceResult, conclusive: conclusive, startedAt: now,
            duration: elapsed.seconds)
    }

    /// Probes one target. Never throws: every failure is a down result with its cause; a
    /// cancelled task gives a down `.connection` result whose detail says so.
    public func probe(_ target: ProbeTarget, now: Date) async -> ProbeResult {
        await measure(target, now: now).result
    }

    /// The curl request for a target (internal for tests of the options).
    func request(for target: ProbeTarget) -> CurlRequest {
        var request = CurlRequest(url: target.url, method: target.settings.method.uppercased() == "HEAD" ? .head : .get)
        request.totalTimeout = target.settings.timeout
        request.connectTimeout = min(target.settings.timeout, Self.maxConnectTimeout)
        request.followRedirects = false
        request.maxResponseBytes = Self.maxBodyBytes
        request.truncateBody = true
        request.acceptEncoding = nil
        request.allowedProtocols = "http,https"
        request.userAgent = userAgent
        request.freshConnection = true
        request.captureCertificate = target.url.lowercased().hasPrefix("https:")
        request.caFile = caFile
        return request
    }

    /// The result, and whether it reflects the round being cut short rather than the target.
    private func measure(_ target: ProbeTarget, now: Date) async -> (result: ProbeResult, aborted: Bool) {
        let attempt: Result<CurlResponse, CurlFailure>
        do {
            attempt = try await client.attempt(request(for: target))
        } catch {
            let result = ProbeResult(
                api: target.api, environment: target.environment, url: target.url, at: now, up: false,
                cause: .connection, detail: "probe cancelled before it completed")
            return (result, true)
        }
        let outcome = ProbeVerdict.classify(attempt, settings: target.settings)
        let curlTimings: CurlTimings
        let certificate: Date?
        var aborted = false
        switch attempt {
        case .success(let response):
            curlTimings = response.timings
            certificate = response.certificateExpiresAt
        case .failure(let failure):
            curlTimings = failure.timings
            certificate = failure.certificateExpiresAt
            if case .shutDown = failure.error { aborted = true }
        }
        let result = ProbeResult(
            api: target.api, environment: target.environment, url: target.url, at: now, up: outcome.up,
            status: outcome.status, cause: outcome.cause, detail: outcome.detail,
            timings: Self.timings(curlTimings), certificateExpiresAt: certificate)
        return (result, aborted)
    }

    /// curl's timers as ``ProbeTimings``. Without TLS (http) the TLS phase takes no time, so `tls`
    /// equals `connect` and the values stay ordered. A phase a failed probe never reached is 0.
    static func timings(_ curl: CurlTimings) -> ProbeTimings {
        ProbeTimings(
            dns: curl.nameLookup, connect: curl.connect, tls: curl.appConnect > 0 ? curl.appConnect : curl.connect,
            firstByte: curl.startTransfer, total: curl.total)
    }
}
