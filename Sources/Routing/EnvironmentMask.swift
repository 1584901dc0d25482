import VarselModel

/// The change environments a subscription is concerned with, as a bit set, so the environment
/// filter costs one AND per rule while routing. Built once from `NoticeEnvironment.concerns`,
/// so routing and the model cannot disagree about what "both" means.
struct EnvironmentMask: Sendable, Hashable {
    var bits: UInt8

    /// Lets every change through: KS's safety net for unrecognised notices.
    static let every = EnvironmentMask(bits: 0xFF)

    init(bits: UInt8) { self.bits = bits }

    /// The change environments that concern a subscriber following `environments`.
    init(_ environments: Set<NoticeEnvironment>) {
        bits = NoticeEnvironment.allCases.filter { $0.concerns(environments) }.reduce(0) { $0 | Self.bit($1) }
    }

    func contains(_ environment: NoticeEnvironment) -> Bool { bits & Self.bit(environment) != 0 }

    private static func bit(_ environment: NoticeEnvironment) -> UInt8 {
        switch environment {
        case .production: 1 << 0
        case .test: 1 << 1
        case .both: 1 << 2
        }
    }
}
