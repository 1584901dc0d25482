public import Foundation
public import VarselModel

/// The results of one round: every target probed at once, plus the reference target.
public struct ProbeRound: Sendable {
    /// One result per target, in the order the targets were given.
    public var results: [ProbeResult]
    /// The self-connectivity check (``ProbeRunner`` `referenceURL`), `nil` when none is configured.
    public var reference: ProbeResult?
    /// `false` when the round says nothing about the APIs: the reference target failed (the host
    /// itself is offline, so every API would look down at once), or the round was cut short
    /// (task cancelled, client shut down). The caller stores and shows such a round but must NOT
    /// feed it into incident tracking: a laptop losing Wi-Fi is not an outage at Skatteetaten.
    public var conclusive: Bool
    /// The `now` the round was started with (also every result's `at`).
    public var startedAt: Date
    /// Wall time of the round in seconds (close to its slowest probe, not the sum).
    public var duration: Double

    public init(results: [ProbeResult], reference: ProbeResult?, conclusive: Bool, startedAt: Date, duration: Double) {
        self.results = results
        self.reference = reference
        self.conclusive = conclusive
        self.startedAt = startedAt
        self.duration = duration
    }
}
