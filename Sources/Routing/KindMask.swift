import VarselModel

/// A subscription's kind filter as a bit set, so checking it while routing is one AND.
struct KindMask: Sendable, Hashable {
    var bits: UInt8

    /// Matches every kind (an empty `Subscription.kinds` means "every kind").
    static let every = KindMask(bits: 0xFF)

    init(bits: UInt8) { self.bits = bits }

    /// Empty `kinds` means every kind, as `Subscription` documents.
    ///
    /// A filter also lets through the notices that end what it follows: whoever is told of
    /// incidents is told when they are resolved, and whoever is told of maintenance is told
    /// when it is cancelled. Otherwise a subscriber warned of downtime would never hear that
    /// it was called off.
    init(_ kinds: Set<NoticeKind>) {
        if kinds.isEmpty {
            self = .every
        } else {
            var expanded = kinds
            if kinds.contains(.incident) { expanded.insert(.resolved) }
            if kinds.contains(.maintenance) { expanded.insert(.cancelled) }
            bits = expanded.reduce(0) { $0 | Self.bit($1) }
        }
    }

    func contains(_ kind: NoticeKind) -> Bool { bits & Self.bit(kind) != 0 }

    private static func bit(_ kind: NoticeKind) -> UInt8 {
        switch kind {
        case .incident: 1 << 0
        case .resolved: 1 << 1
        case .maintenance: 1 << 2
        case .change: 1 << 3
        case .news: 1 << 4
        case .cancelled: 1 << 5
        }
    }
}
