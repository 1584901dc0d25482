extension Duration {
    /// The duration in seconds, as a `TimeInterval` (config durations meet `Date` arithmetic).
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
