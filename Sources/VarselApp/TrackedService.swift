public import ServiceLifecycle

/// A service whose running state `LoopLiveness` records under `name`.
public struct TrackedService: Service {
    let name: String
    let inner: any Service
    let liveness: LoopLiveness

    public init(_ name: String, _ inner: any Service, liveness: LoopLiveness) {
        self.name = name
        self.inner = inner
        self.liveness = liveness
        liveness.expect(name)
    }

    public func run() async throws {
        liveness.started(name)
        defer { liveness.stopped(name) }
        try await inner.run()
    }
}
