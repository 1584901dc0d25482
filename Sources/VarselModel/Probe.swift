public import Foundation

/// Which of an API's two deployments a probe checks.
public enum ProbeEnvironment: String, Sendable, Hashable, Codable, CaseIterable {
    case production
    case test
}

/// How to check that one API answers (catalog.toml `[apis.probe]`, defaults from `[probe_defaults]`).
///
/// Skatteetaten documents no health endpoint and every API wants a Maskinporten token, so a probe
/// asks the API's base URL without one: the gateway's 401/403/404 proves the API is reachable.
public struct ProbeSettings: Sendable, Hashable, Codable {
    public var enabled: Bool
    /// Production URL (default: the API's `url` + "/").
    public var url: String?
    /// Test environment URL (default: the API's `test_url` + "/").
    public var testURL: String?
    /// "GET" or "HEAD".
    public var method: String
    /// Statuses that mean "up". Default: 200-399, 401, 403, 404.
    public var expectedStatuses: Set<Int>
    public var timeout: Duration
    public var interval: Duration
    /// Consecutive failures that open an incident.
    public var failureThreshold: Int
    /// Consecutive successes that resolve it.
    public var successThreshold: Int
    /// Warn when the TLS certificate expires within this many days.
    public var tlsWarnDays: Int

    public static let defaultExpectedStatuses: Set<Int> = Set(200...399).union([401, 403, 404])

    public init(
        enabled: Bool = true, url: String? = nil, testURL: String? = nil, method: String = "GET",
        expectedStatuses: Set<Int> = ProbeSettings.defaultExpectedStatuses, timeout: Duration = .seconds(10),
        interval: Duration = .seconds(60), failureThreshold: Int = 3, successThreshold: Int = 2, tlsWarnDays: Int = 14
    ) {
        self.enabled = enabled
        self.url = url
        self.testURL = testURL
        self.method = method
        self.expectedStatuses = expectedStatuses
        self.timeout = timeout
        self.interval = interval
        self.failureThreshold = failureThreshold
        self.successThreshold = successThreshold
        self.tlsWarnDays = tlsWarnDays
    }
}

/// Why a probe counted as down.
public enum ProbeCause: String, Sendable, Hashable, Codable, CaseIterable {
    /// No answer within the timeout.
    case timeout
    /// The server answered 5xx.
    case serverError
    /// Another status outside the expected ones.
    case unexpectedStatus
    /// The TLS handshake or the certificate failed (expired, untrusted, wrong name).
    case tls
    /// The name did not resolve.
    case dns
    /// Nothing listens (connection refused).
    case connectionRefused
    /// Any other transport failure (reset, unreachable network).
    case connection
}

/// Where the time of one probe went, in seconds from its start (curl's timers).
public struct ProbeTimings: Sendable, Hashable, Codable {
    public var dns: Double
    public var connect: Double
    public var tls: Double
    public var firstByte: Double
    public var total: Double

    public init(dns: Double = 0, connect: Double = 0, tls: Double = 0, firstByte: Double = 0, total: Double = 0) {
        self.dns = dns
        self.connect = connect
        self.tls = tls
        self.firstByte = firstByte
        self.total = total
    }
}

/// One check of one API.
public struct ProbeResult: Sendable, Hashable, Codable {
    /// Catalog API id.
    public var api: String
    public var environment: ProbeEnvironment
    public var url: String
    public var at: Date
    public var up: Bool
    /// The HTTP status, when the server answered.
    public var status: Int?
    /// Why it counted as down (nil when up).
    public var cause: ProbeCause?
    /// One line for an operator: "HTTP 503", "timeout after 10s connecting", curl's message.
    public var detail: String?
    public var timings: ProbeTimings
    /// The server certificate's notAfter, for https.
    public var certificateExpiresAt: Date?

    public init(
        api: String, environment: ProbeEnvironment, url: String, at: Date, up: Bool, status: Int? = nil,
        cause: ProbeCause? = nil, detail: String? = nil, timings: ProbeTimings = ProbeTimings(),
        certificateExpiresAt: Date? = nil
    ) {
        self.api = api
        self.environment = environment
        self.url = url
        self.at = at
        self.up = up
        self.status = status
        self.cause = cause
        self.detail = detail
        self.timings = timings
        self.certificateExpiresAt = certificateExpiresAt
    }
}

/// Why an outage is not alerted as one.
public enum IncidentExpectation: Sendable, Hashable, Codable {
    /// Inside a maintenance window announced by this notice.
    case maintenance(notice: NoticeID, window: MaintenanceWindow)
    /// Inside an operator's silence.
    case silence(id: Int64, until: Date)
}

/// An operator's "do not alert about this API until ..." (`varselvakt silence add`).
public struct Silence: Sendable, Hashable, Codable {
    public var id: Int64
    public var api: String
    public var start: Date
    public var end: Date
    public var reason: String
    public var createdAt: Date

    public init(id: Int64, api: String, start: Date, end: Date, reason: String, createdAt: Date) {
        self.id = id
        self.api = api
        self.start = start
        self.end = end
        self.reason = reason
        self.createdAt = createdAt
    }

    public func covers(_ date: Date) -> Bool { date >= start && date < end }
}

extension FeedID {
    /// The feed of notices varselvakt writes itself about probe incidents: they go through the
    /// same routing, outbox and history as Skatteetaten's notices.
    public static let probes = FeedID("varselvakt-probes")
}

/// One incident as history keeps it.
public struct IncidentRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var api: String
    public var environment: ProbeEnvironment
    public var openedAt: Date
    public var firstFailureAt: Date
    public var resolvedAt: Date?
    public var cause: ProbeCause
    public var detail: String?
    public var expectation: IncidentExpectation?
    /// Whether subscribers were told (expected maintenance and silences are not alerted).
    public var alerted: Bool
    /// The notice varselvakt wrote about it (feed `varselvakt-probes`).
    public var noticeID: NoticeID?
    /// Skatteetaten's notices about the same API that arrived while it was open.
    public var linkedNotices: [NoticeID]

    public init(
        id: Int64, api: String, environment: ProbeEnvironment, openedAt: Date, firstFailureAt: Date, resolvedAt: Date?,
        cause: ProbeCause, detail: String?, expectation: IncidentExpectation?, alerted: Bool, noticeID: NoticeID?,
        linkedNotices: [NoticeID]
    ) {
        self.id = id
        self.api = api
        self.environment = environment
        self.openedAt = openedAt
        self.firstFailureAt = firstFailureAt
        self.resolvedAt = resolvedAt
        self.cause = cause
        self.detail = detail
        self.expectation = expectation
        self.alerted = alerted
        self.noticeID = noticeID
        self.linkedNotices = linkedNotices
    }

    public var duration: TimeInterval? { resolvedAt.map { $0.timeIntervalSince(openedAt) } }
}
