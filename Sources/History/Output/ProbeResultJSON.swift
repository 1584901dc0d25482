import Foundation
public import VarselModel

/// One probe result as `varselvakt probe --once --json` prints it.
public struct ProbeResultJSON: Encodable, Sendable {
    struct Timings: Encodable, Sendable {
        var dns: Double
        var connect: Double
        var tls: Double
        var firstByte: Double
        var total: Double
        enum CodingKeys: String, CodingKey {
            case dns, connect, tls, total
            case firstByte = "first_byte"
        }
    }

    var api: String
    var environment: String
    var url: String
    var at: String
    var up: Bool
    var status: Int?
    var cause: String?
    var detail: String?
    var timings: Timings
    var certificateExpiresAt: String?

    public init(_ r: ProbeResult) {
        api = r.api
        environment = r.environment.rawValue
        url = r.url
        at = OutputDate.iso(r.at)
        up = r.up
        status = r.status
        cause = r.cause?.rawValue
        detail = r.detail
        timings = Timings(
            dns: r.timings.dns, connect: r.timings.connect, tls: r.timings.tls, firstByte: r.timings.firstByte,
            total: r.timings.total)
        certificateExpiresAt = r.certificateExpiresAt.map(OutputDate.iso)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(api, forKey: .api)
        try c.encode(environment, forKey: .environment)
        try c.encode(url, forKey: .url)
        try c.encode(at, forKey: .at)
        try c.encode(up, forKey: .up)
        try c.encode(status, forKey: .status)
        try c.encode(cause, forKey: .cause)
        try c.encode(detail, forKey: .detail)
        try c.encode(timings, forKey: .timings)
        try c.encode(certificateExpiresAt, forKey: .certificateExpiresAt)
    }

    enum CodingKeys: String, CodingKey {
        case api, environment, url, at, up, status, cause, detail, timings
        case certificateExpiresAt = "certificate_expires_at"
    }
}
